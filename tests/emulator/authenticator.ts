/**
 * The API gateway's authentication, in the order a real gateway applies it: who is calling
 * (AccessKey, STS token), whether the request is fresh, whether it is signed correctly, and
 * whether it was seen before. RAM authorisation comes later, once the action is known.
 */
import type { EmulatorCredential } from "./credentials";
import { NonceCache } from "./nonceCache";
import { headerValue, parseQuery, type ReceivedRequest } from "./request";
import type { GatewayError } from "./responses";
import {
    canonicalHeaders,
    canonicalRequest,
    constantTimeEqual,
    parseAuthorization,
    sha256Hex,
    sign,
    stringToSign,
} from "./signatureV3";

export type AuthResult = { ok: true; credential: EmulatorCredential } | { ok: false; error: GatewayError };

const TIMESTAMP_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export class Authenticator {
    private readonly credentials = new Map<string, EmulatorCredential>();
    private readonly nonces: NonceCache;

    constructor(credentials: readonly EmulatorCredential[], private readonly maxClockSkewSeconds: number) {
        for (const credential of credentials) {
            this.credentials.set(credential.accessKeyId, { ...credential });
        }
        this.nonces = new NonceCache(2 * maxClockSkewSeconds * 1000);
    }

    authenticate(request: ReceivedRequest): AuthResult {
        const authorization = headerValue(request.headers, "authorization");
        if (!authorization) {
            return fail(400, "MissingAuthorization", "Authorization is mandatory for this action.");
        }
        const parsed = parseAuthorization(authorization);
        if (!parsed.ok) {
            return fail(400, "IncompleteSignature", `The request signature does not conform to Aliyun standards: ${parsed.reason}.`);
        }
        const { accessKeyId, signedHeaders, signature } = parsed.value;
        const credential = this.credentials.get(accessKeyId);
        if (!credential) {
            // A real gateway answers an unknown key with 404; clients must not take it for a missing draft.
            return fail(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }

        const nowMs = Date.now();
        const dateError = this.checkDate(headerValue(request.headers, "x-acs-date"), nowMs);
        if (dateError) {
            return { ok: false, error: dateError };
        }
        // For STS the token is what vouches for the key, so it is checked before the signature.
        const tokenError = checkSecurityToken(credential, request, nowMs);
        if (tokenError) {
            return { ok: false, error: tokenError };
        }

        const hashedPayload = headerValue(request.headers, "x-acs-content-sha256");
        if (!hashedPayload) {
            return fail(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards: x-acs-content-sha256 is required.");
        }
        if (hashedPayload !== sha256Hex(request.body)) {
            return fail(400, "SignatureDoesNotMatch", "Specified x-acs-content-sha256 does not match the sha256 of the request body.");
        }
        const headers = canonicalHeaders(request.headerPairs);
        if (signedHeaders.join(";") !== headers.names.join(";")) {
            return fail(
                400,
                "SignatureDoesNotMatch",
                `SignedHeaders must list, sorted and lowercased, host, content-type and every x-acs-* header sent: ${headers.names.join(";")}.`,
            );
        }
        const toSign = stringToSign(canonicalRequest({
            method: request.method,
            rawPath: request.rawPath,
            queryPairs: parseQuery(request.rawQuery),
            headers,
            hashedPayload,
        }));
        if (!constantTimeEqual(sign(credential.accessKeySecret, toSign), signature)) {
            // The string to sign is a hash of the canonical request: useful for debugging, and it reveals no secret.
            return fail(400, "SignatureDoesNotMatch", `Specified signature is not matched with our calculation. server string to sign is:${toSign}`);
        }

        const nonce = headerValue(request.headers, "x-acs-signature-nonce");
        if (!nonce) {
            return fail(400, "MissingSignatureNonce", "SignatureNonce is mandatory for this action.");
        }
        // Only correctly signed requests claim a nonce, so garbage cannot burn a client's future nonces.
        if (!this.nonces.claim(accessKeyId, nonce, nowMs)) {
            return fail(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
        return { ok: true, credential };
    }

    private checkDate(date: string | undefined, nowMs: number): GatewayError | undefined {
        if (!date) {
            return error(400, "MissingTimestamp", "x-acs-date is mandatory for this action.");
        }
        const dateMs = TIMESTAMP_FORMAT.test(date) ? Date.parse(date) : NaN;
        if (Number.isNaN(dateMs)) {
            return error(400, "InvalidTimeStamp.Format", "Specified x-acs-date is not in the format YYYY-MM-DDThh:mm:ssZ.");
        }
        if (Math.abs(nowMs - dateMs) > this.maxClockSkewSeconds * 1000) {
            return error(400, "InvalidTimeStamp.Expired", `Specified x-acs-date is more than ${this.maxClockSkewSeconds} seconds away from the server time.`);
        }
        return undefined;
    }
}

function checkSecurityToken(credential: EmulatorCredential, request: ReceivedRequest, nowMs: number): GatewayError | undefined {
    if (credential.securityToken === undefined) {
        return undefined;
    }
    const token = headerValue(request.headers, "x-acs-security-token") ?? "";
    const tokenKeyId = headerValue(request.headers, "x-acs-accesskey-id") ?? "";
    if (!constantTimeEqual(token, credential.securityToken) || tokenKeyId !== credential.accessKeyId) {
        return error(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken mismatch with the AccessKey.");
    }
    if (credential.securityTokenExpiresAt !== undefined && credential.securityTokenExpiresAt.getTime() <= nowMs) {
        return error(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
    }
    return undefined;
}

function error(status: number, code: string, message: string): GatewayError {
    return { status, code, message };
}

function fail(status: number, code: string, message: string): AuthResult {
    return { ok: false, error: error(status, code, message) };
}
