// What can be checked of a plugin binary on a machine that cannot run it: its executable format
// and CPU architecture from the file header, the single-executable blob embedded verbatim, and
// Node's fuse flipped so that the binary runs the blob instead of acting as `node`.
import * as crypto from "crypto";
import * as fs from "fs";

/** The platform a binary is meant for, in Pulumi's names. */
export interface BinaryPlatform {
    readonly os: "linux" | "darwin" | "windows";
    readonly arch: "amd64" | "arm64";
}

/** The fuse postject flips from `:0` to `:1`. */
export const seaFuse = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** Reads the platform from an ELF, Mach-O (64-bit) or PE header; undefined for anything else. */
export function binaryPlatform(header: Buffer): BinaryPlatform | undefined {
    if (header.length >= 20 && header.readUInt32BE(0) === 0x7f454c46) {
        // ELF, 64-bit little-endian: e_machine at 18.
        const machine = header.readUInt16LE(18);
        if (machine === 0x3e) return { os: "linux", arch: "amd64" };
        if (machine === 0xb7) return { os: "linux", arch: "arm64" };
        return undefined;
    }
    if (header.length >= 8 && header.readUInt32LE(0) === 0xfeedfacf) {
        const cpuType = header.readUInt32LE(4);
        if (cpuType === 0x01000007) return { os: "darwin", arch: "amd64" };
        if (cpuType === 0x0100000c) return { os: "darwin", arch: "arm64" };
        return undefined;
    }
    if (header.length >= 0x40 && header.toString("latin1", 0, 2) === "MZ") {
        const pe = header.readUInt32LE(0x3c);
        if (header.length < pe + 6 || header.toString("latin1", pe, pe + 4) !== "PE\0\0") return undefined;
        const machine = header.readUInt16LE(pe + 4);
        if (machine === 0x8664) return { os: "windows", arch: "amd64" };
        if (machine === 0xaa64) return { os: "windows", arch: "arm64" };
        return undefined;
    }
    return undefined;
}

/**
 * Fails unless `binary` is an executable of `expected`'s platform holding `blob` with the fuse
 * flipped. Returns the binary's size.
 */
export function checkBinary(binary: string, expected: BinaryPlatform, blob: Buffer): number {
    const bytes = fs.readFileSync(binary);
    const found = binaryPlatform(bytes.subarray(0, 4096));
    const name = `${expected.os}-${expected.arch}`;
    if (!found || found.os !== expected.os || found.arch !== expected.arch) {
        throw new Error(`${binary} is ${found ? `a ${found.os}-${found.arch}` : "not a known"} executable, not ${name}`);
    }
    if (bytes.indexOf(blob) < 0) throw new Error(`${binary} (${name}) does not hold the plugin's blob`);
    if (bytes.indexOf(`${seaFuse}:1`) < 0) throw new Error(`${binary} (${name}) does not have the single-executable fuse set`);
    return bytes.length;
}

/**
 * Checks a 64-bit Mach-O binary's embedded code signature as macOS does when it maps the pages:
 * the CodeDirectory (SHA-256, ad hoc, the given identifier) hashes every page of the file up to
 * the signature, and the requirements blob. (`rcodesign verify` cannot read an ad-hoc signature's
 * empty CMS blob, and says itself that it is not to be trusted.) Returns the number of pages.
 */
export function checkAdhocSignature(bytes: Buffer, identifier: string): number {
    const fail = (what: string): never => {
        throw new Error(`the Mach-O code signature ${what}`);
    };
    if (bytes.readUInt32LE(0) !== 0xfeedfacf) fail("is not in a 64-bit Mach-O binary");
    const commands = bytes.readUInt32LE(16);
    let signature: { offset: number; size: number } | undefined;
    for (let i = 0, at = 32; i < commands; i++, at += bytes.readUInt32LE(at + 4)) {
        if (bytes.readUInt32LE(at) === 0x1d) signature = { offset: bytes.readUInt32LE(at + 8), size: bytes.readUInt32LE(at + 12) };
    }
    if (!signature) return fail("is missing (no LC_CODE_SIGNATURE)");
    const superBlob = bytes.subarray(signature.offset, signature.offset + signature.size);
    if (superBlob.readUInt32BE(0) !== 0xfade0cc0) fail("has no SuperBlob");
    const blobs = new Map<number, Buffer>();
    for (let i = 0; i < superBlob.readUInt32BE(8); i++) {
        const offset = superBlob.readUInt32BE(16 + i * 8);
        blobs.set(superBlob.readUInt32BE(12 + i * 8), superBlob.subarray(offset, offset + superBlob.readUInt32BE(offset + 4)));
    }
    const cd = blobs.get(0) ?? fail("has no CodeDirectory");
    if (cd.readUInt32BE(0) !== 0xfade0c02) fail("has a malformed CodeDirectory");
    const [flags, hashOffset, identOffset, specialSlots, codeSlots, codeLimit] = [12, 16, 20, 24, 28, 32].map((o) => cd.readUInt32BE(o)) as [number, number, number, number, number, number];
    const [hashSize, hashType, pageShift] = [cd[36], cd[37], cd[39]];
    if (hashType !== 2 || hashSize !== 32) fail(`hashes with type ${hashType}, not SHA-256`);
    if ((flags & 0x2) === 0) fail("is not ad hoc");
    const named = cd.toString("utf8", identOffset, cd.indexOf(0, identOffset));
    if (named !== identifier) fail(`names ${named}, not ${identifier}`);
    if (codeLimit !== signature.offset) fail(`covers ${codeLimit} bytes, not the ${signature.offset} before it`);
    const sha256 = (data: Buffer) => crypto.createHash("sha256").update(data).digest();
    const slot = (i: number) => cd.subarray(hashOffset + i * 32, hashOffset + (i + 1) * 32);
    const pageSize = 2 ** (pageShift ?? 12);
    if (codeSlots !== Math.ceil(codeLimit / pageSize)) fail(`has ${codeSlots} page hashes for ${codeLimit} bytes`);
    for (let page = 0; page < codeSlots; page++) {
        if (!sha256(bytes.subarray(page * pageSize, Math.min((page + 1) * pageSize, codeLimit))).equals(slot(page))) fail(`does not match page ${page}`);
    }
    const requirements = blobs.get(2);
    if (specialSlots >= 2 && requirements && !sha256(requirements).equals(slot(-2))) fail("does not match its requirements");
    return codeSlots;
}
