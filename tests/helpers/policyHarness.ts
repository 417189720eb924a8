/**
 * Runs policies the way `@pulumi/policy` does, without its gRPC server: hand-built
 * `StackValidationArgs` / `ResourceValidationArgs` and a recording `reportViolation`.
 */
import type {
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

/**
 * The parts of `@pulumi/policy/proxy` the tests use. They are internal to the SDK (its typings
 * leave them out), but they are exactly what the SDK wraps every resource's properties in, so
 * using them shows how the policies behave with unknown values during a preview.
 */
interface PolicyProxyModule {
    unknownCheckingProxy<T extends object>(value: T): T;
    readonly unknownStringValue: string;
    readonly unknownObjectValue: string;
    readonly UnknownValueError: new (...args: never[]) => Error;
}

import proxyModule = require("@pulumi/policy/proxy");

/** The policy SDK's proxy module (its declarations export nothing), as the tests use it. */
export const policyProxy = proxyModule as unknown as PolicyProxyModule;

/** What `args.notApplicable()` throws here (the SDK throws its own internal error type). */
export class NotApplicable extends Error {
    constructor(readonly reason: string | undefined) {
        super(`not applicable: ${reason}`);
    }
}

/** What a policy run produced. */
export interface PolicyRun {
    readonly violations: { readonly message: string; readonly urn?: string }[];
    /** What the policy threw, if anything. */
    readonly error?: unknown;
}

const options: PolicyResourceOptions = {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
};

const notUsed = (): never => {
    throw new Error("the policies match resources by type token and never call isType/asType");
};

/** A stack resource as the SDK presents it, with its properties behind the SDK's unknown-checking proxy. */
export function policyResource(type: string, name: string, props: Record<string, unknown>): PolicyResource {
    return {
        type,
        name,
        urn: `urn:pulumi:dev::drafts::${type}::${name}`,
        props: policyProxy.unknownCheckingProxy(props),
        opts: options,
        dependencies: [],
        propertyDependencies: {},
        isType: notUsed,
        asType: notUsed,
    };
}

function configGetter(config: object): <T extends object>() => T {
    return <T extends object>() => config as T;
}

const notApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

/** Runs a stack policy over the given resources with the given policy configuration. */
export async function runStackPolicy(policy: StackValidationPolicy, resources: PolicyResource[], config: object = {}): Promise<PolicyRun> {
    const violations: { message: string; urn?: string }[] = [];
    const args: StackValidationArgs = { resources, stackTags: new Map(), getConfig: configGetter(config), notApplicable };
    try {
        await policy.validateStack(args, (message, urn) => violations.push({ message, urn }));
        return { violations };
    } catch (error) {
        return { violations, error };
    }
}

/** Runs a resource policy over one resource's inputs with the given policy configuration. */
export async function runResourcePolicy(
    policy: ResourceValidationPolicy,
    type: string,
    inputs: Record<string, unknown>,
    config: object = {},
): Promise<PolicyRun> {
    const violations: { message: string }[] = [];
    const args: ResourceValidationArgs = {
        type,
        name: "job",
        urn: `urn:pulumi:dev::drafts::${type}::job`,
        props: policyProxy.unknownCheckingProxy(inputs),
        opts: options,
        stackTags: new Map(),
        isType: notUsed,
        asType: notUsed,
        getConfig: configGetter(config),
        notApplicable,
    };
    const validations = policy.validateResource === undefined ? [] : [policy.validateResource].flat();
    try {
        for (const validate of validations) {
            await validate(args, (message) => violations.push({ message }));
        }
        return { violations };
    } catch (error) {
        return { violations, error };
    }
}
