import { clearDraftLookupCache } from "../../provider/core/draftLookup";
import { DEFAULT_TEST_CREDENTIAL, Emulator, EmulatorOptions, startEmulator } from "../emulator";
import { setEnvironment } from "./environment";

/** Handle given to tests by {@link useEmulator}. */
export interface EmulatorFixture {
    /** The emulator of the current test. */
    readonly emulator: Emulator;
}

/**
 * Starts a fresh emulator (own port, fixture drafts) before each test and stops it after;
 * the environment points the default credentials at its test key, and the process-wide lookup
 * cache is cleared so no test sees another's results.
 */
export function useEmulator(options: EmulatorOptions = {}, env: Readonly<Record<string, string | undefined>> = {}): EmulatorFixture {
    let current: Emulator | undefined;
    let restore: (() => void) | undefined;
    beforeEach(async () => {
        current = await startEmulator(options);
        clearDraftLookupCache();
        restore = setEnvironment({
            ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_TEST_CREDENTIAL.accessKeyId,
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_TEST_CREDENTIAL.accessKeySecret,
            ...env,
        });
    });
    afterEach(async () => {
        restore?.();
        await current?.close();
        current = undefined;
    });
    return {
        get emulator(): Emulator {
            if (!current) throw new Error("useEmulator: no emulator outside a test");
            return current;
        },
    };
}
