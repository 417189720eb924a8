// The lifecycle the quick starts of the generated SDKs share under the real engine: a copy of
// examples/<name> adapted by the test, the emulator on loopback, a project stack pointed at it
// with the test AccessKey, and the plugin installed from its tarball.

import * as fs from "fs";
import { Emulator, startEmulator } from "../emulator";
import { ensurePulumiCli } from "./harness";
import { pluginStackConfig } from "./linkedProject";
import { ensurePluginTarball, installPlugin } from "./pluginInstall";
import { createProjectStack, ProjectStack } from "./projectStack";
import { copyExample } from "./sdkProjects";

/** The fixture drafts the quick starts read. */
export const quickstartDrafts = {
    workspace: "a14bd5d90a",
    namespace: "default-namespace",
    /** orders-etl, which the quick starts read by id and the tests track as a resource. */
    ordersEtl: "c84d73be-40ad-4627-8bdd-fa1eba51b234",
    /** An id the emulator does not hold. */
    unknownDraft: "00000000-0000-4000-8000-000000000404",
} as const;

/** Handle given to tests by {@link useQuickstartStack}. */
export interface QuickstartStack {
    readonly emulator: Emulator;
    readonly stack: ProjectStack;
    /** `pulumi stack output --json --show-secrets`, parsed. */
    outputs(): Promise<Record<string, unknown>>;
}

/**
 * Sets the quick start of examples/<example> up before the tests of the current `describe` (the
 * Pulumi CLI, the plugin tarball, the copy rewritten by `adapt`, the emulator, the stack with
 * config `trackedDraftId` set to orders-etl) and disposes of all of it after them.
 */
export function useQuickstartStack(example: string, adapt: (dir: string) => void): QuickstartStack {
    let emulator: Emulator | undefined;
    let stack: ProjectStack | undefined;
    let projectDir: string | undefined;

    before(async function () {
        this.timeout(40 * 60 * 1000);
        ensurePulumiCli();
        ensurePluginTarball();
        projectDir = copyExample(example, adapt);
        emulator = await startEmulator();
        stack = await createProjectStack({
            projectDir,
            config: {
                ...pluginStackConfig(emulator.url),
                trackedDraftId: quickstartDrafts.ordersEtl,
            },
        });
        await installPlugin(stack);
    });

    after(async () => {
        try {
            await stack?.dispose();
        } finally {
            await emulator?.close();
            if (projectDir !== undefined) fs.rmSync(projectDir, { recursive: true, force: true });
        }
    });

    const started = <T>(value: T | undefined): T => {
        if (value === undefined) throw new Error(`useQuickstartStack: the ${example} stack is not set up`);
        return value;
    };
    return {
        get emulator(): Emulator {
            return started(emulator);
        },
        get stack(): ProjectStack {
            return started(stack);
        },
        async outputs(): Promise<Record<string, unknown>> {
            const result = await started(stack).runOk(["stack", "output", "--json", "--show-secrets"]);
            return JSON.parse(result.stdout) as Record<string, unknown>;
        },
    };
}
