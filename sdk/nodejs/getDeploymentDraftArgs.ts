import * as pulumi from "@pulumi/pulumi";
import type { TuningOptions } from "../../provider/core/clientTuning";
import type { ConnectionOptions, Network } from "../../provider/core/connectionSettings";
import { InvalidArgumentError } from "../../provider/core/errors";

/** Reads a draft by its id. */
export interface GetDeploymentDraftByIdArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    readonly workspace: string;
    /** The namespace, e.g. `default-namespace`. */
    readonly namespace: string;
    /** The draft's id (a UUID), e.g. `c84d73be-40ad-4627-8bdd-fa1eba51b234`. */
    readonly deploymentDraftId: string;
    /** Not with `deploymentDraftId`: a draft is read by its id or by its name. */
    readonly name?: never;
}

/** Reads a draft by its name, found with ListDeploymentDrafts. */
export interface GetDeploymentDraftByNameArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    readonly workspace: string;
    /** The namespace, e.g. `default-namespace`. */
    readonly namespace: string;
    /** The draft's name, unique within its namespace, e.g. `orders-etl`. */
    readonly name: string;
    /** Not with `name`: a draft is read by its id or by its name. */
    readonly deploymentDraftId?: never;
}

/**
 * Identifies the draft to read: its workspace and namespace, and either its id or its name
 * (exactly one of them).
 *
 * ```ts
 * const byId: ververica.GetDeploymentDraftArgs = { workspace: "a14bd5d90a", namespace: "default-namespace", deploymentDraftId: "c84d73be-40ad-4627-8bdd-fa1eba51b234" };
 * const byName: ververica.GetDeploymentDraftArgs = { workspace: "a14bd5d90a", namespace: "default-namespace", name: "orders-etl" };
 * ```
 */
export type GetDeploymentDraftArgs = GetDeploymentDraftByIdArgs | GetDeploymentDraftByNameArgs;

/** {@link GetDeploymentDraftByIdArgs} whose values may be outputs of other resources. */
export interface GetDeploymentDraftByIdOutputArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    readonly workspace: pulumi.Input<string>;
    /** The namespace, e.g. `default-namespace`. */
    readonly namespace: pulumi.Input<string>;
    /** The draft's id (a UUID), e.g. `c84d73be-40ad-4627-8bdd-fa1eba51b234`. */
    readonly deploymentDraftId: pulumi.Input<string>;
    /** Not with `deploymentDraftId`: a draft is read by its id or by its name. */
    readonly name?: never;
}

/** {@link GetDeploymentDraftByNameArgs} whose values may be outputs of other resources. */
export interface GetDeploymentDraftByNameOutputArgs {
    /** The workspace id, e.g. `a14bd5d90a`. */
    readonly workspace: pulumi.Input<string>;
    /** The namespace, e.g. `default-namespace`. */
    readonly namespace: pulumi.Input<string>;
    /** The draft's name, unique within its namespace, e.g. `orders-etl`. */
    readonly name: pulumi.Input<string>;
    /** Not with `name`: a draft is read by its id or by its name. */
    readonly deploymentDraftId?: never;
}

/** {@link GetDeploymentDraftArgs} whose values may be outputs of other resources. */
export type GetDeploymentDraftOutputArgs = GetDeploymentDraftByIdOutputArgs | GetDeploymentDraftByNameOutputArgs;

/** Receives each retry notice (one line, never a credential). */
export type RetryLogger = (message: string) => void;

/** The options both forms of the data source take. */
interface DataSourceOptions extends TuningOptions {
    /**
     * Share this lookup with identical ones made earlier in the same process (default true).
     * Turn off to force a fresh read, e.g. when polling a draft from a long-running script.
     */
    readonly cache?: boolean;
    /**
     * Where retry notices go. By default they go to the Pulumi log inside a Pulumi program,
     * and to stderr in a plain Node script (never to stdout). Pass `() => {}` to silence them.
     */
    readonly logger?: RetryLogger;
}

/**
 * How {@link getDeploymentDraft} reaches the API. Settings not given here come from the stack
 * config (`ververica:*`, `alicloud:*`), then the environment, then Alibaba's default chain.
 * Only these options exist: the call is made in the program process, so Pulumi's invoke
 * options (`provider`, `parent`, `version`, ...) would have no effect and are not accepted.
 *
 * ```ts
 * const options: ververica.GetDeploymentDraftInvokeOptions = { region: "cn-hangzhou", maxAttempts: 3, logger: () => {} };
 * ```
 */
export interface GetDeploymentDraftInvokeOptions extends ConnectionOptions, DataSourceOptions {}

/**
 * How {@link getDeploymentDraftOutput} reaches the API, with `region` and `endpoint` as
 * inputs (e.g. a secret from the stack config), and `dependsOn`: the lookup waits for those
 * resources. Other Pulumi invoke options would have no effect and are not accepted.
 *
 * ```ts
 * const config = new pulumi.Config("ververica");
 * const options: ververica.GetDeploymentDraftInvokeOutputOptions = { region: config.requireSecret("region") };
 * ```
 */
export interface GetDeploymentDraftInvokeOutputOptions extends DataSourceOptions {
    /** A region such as `cn-hangzhou`; the endpoint becomes `ververica.<region>.aliyuncs.com`. */
    readonly region?: pulumi.Input<string>;
    /**
     * A host (`ververica.cn-hangzhou.aliyuncs.com`, reached over HTTPS) or a URL
     * (`http://127.0.0.1:8080`, e.g. for the emulator). Wins over `region`.
     */
    readonly endpoint?: pulumi.Input<string>;
    /**
     * Which of the region's endpoints to use: `"public"` (default) or `"vpc"`
     * (`ververica-vpc.<region>.aliyuncs.com`, reachable only from inside an Alibaba Cloud VPC).
     */
    readonly network?: Network;
    /** Resources to wait for before the lookup, e.g. one that creates the draft's workspace. */
    readonly dependsOn?: pulumi.Input<pulumi.Input<pulumi.Resource>[]> | pulumi.Input<pulumi.Resource>;
    /**
     * Make the result a Pulumi secret (default `true`): the draft's `artifact` (SQL script,
     * main args, CDC YAML: places where passwords hide) then never reaches state in plain
     * text, whether exported or fed into a resource. An output is secret as a whole, so every
     * attribute read from it is secret too; `pulumi.unsecret` one you know to be harmless
     * (e.g. `pulumi.unsecret(draft.apply((d) => d.engineVersion))`) to show it, or set `false`
     * for drafts known to hold no secret.
     */
    readonly storeArtifactAsSecret?: boolean;
}

const argumentNames = new Set(["workspace", "namespace", "deploymentDraftId", "name"]);

/**
 * Checks the shape of the arguments as they reach `caller`: no unknown key (a typo such as
 * `draftName` is named), and, for the promise form, no output or promise where a string
 * belongs. Values themselves are checked by the lookup.
 */
export function checkArgumentShape(args: unknown, caller: "getDeploymentDraft" | "getDeploymentDraftOutput"): void {
    if (args === null || typeof args !== "object") return;
    for (const [key, value] of Object.entries(args)) {
        if (!argumentNames.has(key)) {
            throw new InvalidArgumentError(key, `is not an argument of ${caller}; it takes "workspace", "namespace", and "deploymentDraftId" or "name"`);
        }
        if (pulumi.Output.isInstance(value)) {
            throw new InvalidArgumentError(key, "is a Pulumi Output; getDeploymentDraft takes plain strings: use getDeploymentDraftOutput, which takes outputs");
        }
        if (typeof (value as { then?: unknown } | null)?.then === "function") {
            throw new InvalidArgumentError(key, "is a Promise; await it first, or use getDeploymentDraftOutput, which takes promises and outputs");
        }
    }
}
