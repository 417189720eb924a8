/**
 * Loaded by mocha before every test file (see .mocharc.json): keeps the whole suite on
 * loopback. Alibaba's credentials chain would otherwise probe the ECS metadata service at
 * 100.100.100.200, and a forgotten endpoint would reach the real cloud.
 */
import { installNetworkGuard, takeViolations } from "./networkGuard";

process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
delete process.env.ALIBABA_CLOUD_CREDENTIALS_URI;
installNetworkGuard();

export const mochaHooks = {
    afterEach(this: Mocha.Context): void {
        const violations = takeViolations();
        if (violations.length > 0) {
            // Hook#error fails the test that just ran without aborting the rest of its suite.
            (this.test as unknown as { error(e: Error): void }).error(new Error(`the test tried to leave this machine:\n${violations.join("\n")}`));
        }
    },
};
