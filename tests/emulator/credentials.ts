/**
 * The AccessKeys the emulator's gateway accepts. They exist only for local tests: none of
 * them is valid against Alibaba Cloud.
 */

export interface EmulatorCredential {
    accessKeyId: string;
    accessKeySecret: string;
    /** When set, the key is treated as an STS key: requests must carry this exact token. */
    securityToken?: string;
    /** When set and in the past, a request carrying the (otherwise correct) token gets `InvalidSecurityToken.Expired`. */
    securityTokenExpiresAt?: Date;
    /** A valid key without RAM permission: every authenticated call gets 403 `Forbidden.RAM`. */
    denied?: boolean;
}

export const DEFAULT_TEST_CREDENTIAL: EmulatorCredential = Object.freeze({
    accessKeyId: "LTAI5tEmulatorTestKey",
    accessKeySecret: "emulator-test-secret-do-not-use",
});
