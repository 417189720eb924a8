import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * What Pulumi serializes into every `DeploymentDraft`'s state as `__provider`: a stub that
 * loads the real provider by package name in the provider process. It captures nothing, so
 * state holds no credential and no copy of this package's code, and a refresh runs the
 * provider of the installed package version.
 */
export const draftProviderStub: dynamic.ResourceProvider = {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().check(olds, news),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read(id, props),
    update: (id, olds, news) => load().update(id, olds, news),
    delete: (id, props) => load().delete(id, props),
};

function load(): Required<dynamic.ResourceProvider> {
    // Resolved by package name from the Pulumi project directory, where the provider process starts,
    // so the serialized provider holds no path of the machine that ran the program.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, by package name, in the provider process
    return (require("pulumi-ververica/dynamic-provider") as typeof import("../../provider/dynamic/draftResourceProvider")).draftResourceProvider;
}
