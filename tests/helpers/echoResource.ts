import * as pulumi from "@pulumi/pulumi";

/** The type token of {@link Echo}. */
export const ECHO_TYPE = "pulumi-nodejs:dynamic/e2e:Echo";

// Serialized into the resource's state and run by the dynamic-provider host, so it must not
// capture anything from this module.
const echoProvider: pulumi.dynamic.ResourceProvider = {
    create(inputs: { value: string }): Promise<pulumi.dynamic.CreateResult> {
        return Promise.resolve({ id: `echo-${inputs.value}`, outs: { value: inputs.value } });
    },
};

/**
 * A no-op dynamic resource whose output `value` echoes its input: proof that the engine runs
 * dynamic providers here, and something in state that a failure must not lose.
 */
export class Echo extends pulumi.dynamic.Resource {
    declare readonly value: pulumi.Output<string>;

    constructor(name: string, value: pulumi.Input<string>) {
        super(echoProvider, name, { value }, undefined, "e2e", "Echo");
    }
}
