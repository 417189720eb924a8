/**
 * Scoped changes to process.env for tests: every variable that can steer connection settings
 * or credentials is cleared first, so a developer's own Alibaba Cloud setup never leaks in.
 */
import { DEFAULT_TEST_CREDENTIAL } from "../emulator/credentials";

/** Every environment variable the package or Alibaba's credentials chain reads. */
export const connectionVariables = [
    "VERVERICA_ENDPOINT",
    "ALIBABA_CLOUD_ENDPOINT_VERVERICA",
    "VERVERICA_NETWORK",
    "VERVERICA_RETRY_THROTTLE_DELAY_MS",
    "VERVERICA_MAX_ATTEMPTS",
    "VERVERICA_MAX_RETRY_TIME_MS",
    "VERVERICA_RETRY_BASE_DELAY_MS",
    "VERVERICA_RETRY_MAX_DELAY_MS",
    "VERVERICA_CONNECT_TIMEOUT_MS",
    "VERVERICA_READ_TIMEOUT_MS",
    "VERVERICA_MAX_CONCURRENCY",
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    "ALIBABA_CLOUD_SECURITY_TOKEN",
    "ALIBABA_CLOUD_REGION_ID",
    "ALIBABA_CLOUD_PROFILE",
    "ALIBABA_CLOUD_ROLE_ARN",
    "ALIBABA_CLOUD_OIDC_PROVIDER_ARN",
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
    "ALIBABA_CLOUD_CREDENTIALS_FILE",
    "ALIBABA_CLOUD_CREDENTIALS_URI",
    "ALIBABA_CLOUD_ECS_METADATA",
    "ALIBABA_CLOUD_CLI_PROFILE_DISABLED",
    "ALIBABA_CLOUD_ROLE_SESSION_NAME",
    "ALIBABA_CLOUD_STS_REGION",
    "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED",
    "ALIBABA_CLOUD_IMDSV1_DISABLED",
    "ALICLOUD_ACCESS_KEY",
    "ALICLOUD_SECRET_KEY",
    "ALICLOUD_SECURITY_TOKEN",
    "ALICLOUD_REGION",
] as const;

/**
 * Replaces the connection variables (and any others given) for the duration of a mocha
 * suite or test; call the returned function to restore.
 */
export function setEnvironment(vars: Readonly<Record<string, string | undefined>>): () => void {
    const names = new Set<string>([...connectionVariables, ...Object.keys(vars)]);
    const saved = new Map<string, string | undefined>();
    for (const name of names) {
        saved.set(name, process.env[name]);
        delete process.env[name];
    }
    for (const [name, value] of Object.entries(vars)) {
        if (value !== undefined) process.env[name] = value;
    }
    // The metadata link must stay off whatever a test sets.
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
    return () => {
        for (const [name, value] of saved) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    };
}

/**
 * The environment for a child process that reaches the emulator with its test key: this
 * process's environment without any connection variable, plus the key, the metadata link off,
 * and `extra`.
 */
export function emulatorChildEnvironment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of connectionVariables) delete env[name];
    return {
        ...env,
        ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        ...extra,
    };
}
