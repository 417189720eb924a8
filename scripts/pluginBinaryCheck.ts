// What can be checked of a plugin binary on a machine that cannot run it: its executable format
// and CPU architecture from the file header, the single-executable blob embedded verbatim, and
// Node's fuse flipped so that the binary runs the blob instead of acting as `node`.
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
