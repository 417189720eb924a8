/**
 * The plugin's `ResourceProvider` gRPC service. It answers the configuration RPCs itself
 * (`@pulumi/pulumi/provider`'s server drops the config Configure carries and leaves
 * CheckConfig/DiffConfig unimplemented), turns Structs into plain values and back, and turns
 * every failure into one line of text with a gRPC status: no stack trace, no credential.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { PluginAttach, PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { clearDraftLookupCache } from "../core/draftLookup";
import { VervericaError } from "../core/errors";
import { redactedMessageOf } from "../core/secretRedaction";
import { ConfiguredLookups } from "./configuredLookups";
import { DraftResourceHandlers } from "./draftResourceHandlers";
import { EngineLog } from "./engineLog";
import { invokeGetDeploymentArgs } from "./getDeploymentArgsInvoke";
import { invokeGetDeploymentDraft } from "./getDeploymentDraftInvoke";
import { invokeGetDeploymentDrafts } from "./getDeploymentDraftsInvoke";
import { createInvokeAdmission } from "./invokeAdmission";
import { checkProviderSettings, requireProviderSettings, secretSettings } from "./providerConfig";
import { fromStruct, toStruct } from "./propertyValues";
import { tokens } from "./schema";

/** What the service needs from its process. */
export interface ProviderServiceOptions {
    /** The plugin's version (package.json's). */
    readonly version: string;
    /** The package schema, as JSON text. */
    readonly schema: () => string;
    /** The plugin process environment: the fallback for every provider setting. */
    readonly env: NodeJS.ProcessEnv;
    /** Where retry notices and warnings go; Attach points it at the attaching engine. Default: stderr until Attach. */
    readonly log?: EngineLog;
}

type Handler<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

// The handler factory of a service: each answers with its handler's result, or with its failure
// as one line of text, and what the handler logs lands on the resource its request concerns.
function answering(log: EngineLog) {
    return function unary<Req, Res>(handle: (request: Req) => Promise<Res> | Res): Handler<Req, Res> {
        return (call, callback) => {
            void log.concerning(urnOf(call.request), () =>
                Promise.resolve()
                    .then(() => handle(call.request))
                    .then(
                        (response) => callback(null, response),
                        (e: unknown) => callback({ code: statusOf(e), details: messageOf(e) }),
                    ),
            );
        };
    };
}

// The resource a request concerns; invokes and the other RPCs carry none (their lines go on the stack).
function urnOf(request: unknown): string {
    const withUrn =
        request instanceof proto.CheckRequest ||
        request instanceof proto.DiffRequest ||
        request instanceof proto.CreateRequest ||
        request instanceof proto.ReadRequest ||
        request instanceof proto.UpdateRequest ||
        request instanceof proto.DeleteRequest;
    return withUrn ? request.getUrn() : "";
}

function statusOf(e: unknown): grpc.status {
    if (e instanceof VervericaError) {
        return e.code === "InvalidArgument" || e.code === "Configuration" ? grpc.status.INVALID_ARGUMENT : grpc.status.UNKNOWN;
    }
    return grpc.status.INTERNAL;
}

/** A failure as one line: a `VervericaError` with its code, never a stack trace. */
export function messageOf(e: unknown): string {
    const text = e instanceof VervericaError ? `${e.code}: ${e.message}` : redactedMessageOf(e);
    return text.replace(/\s*\n\s*/g, " ");
}

function failuresOf(failures: ReadonlyArray<{ readonly property: string; readonly reason: string }>): proto.CheckFailure[] {
    return failures.map((f) => new proto.CheckFailure().setProperty(f.property).setReason(f.reason));
}

/** The provider's settings from a Configure request: its args, else its `ververica:config:*` variables. */
function settingsOf(request: proto.ConfigureRequest): Record<string, unknown> {
    if (request.hasArgs()) {
        return fromStruct(request.getArgs()).values;
    }
    const settings: Record<string, unknown> = {};
    request.getVariablesMap().forEach((value: string, key: string) => {
        const name = key.replace(/^ververica:(config:)?/, "");
        if (name !== key) settings[name] = value;
    });
    return settings;
}

/** Builds the service implementation, for `grpc.Server#addService(ResourceProviderService, ...)`. */
export function createProviderService(options: ProviderServiceOptions): grpc.UntypedServiceImplementation {
    const log = options.log ?? new EngineLog();
    const unary = answering(log);
    const lookups = new ConfiguredLookups(options.env, log.reportRetry);
    const drafts = new DraftResourceHandlers(lookups);
    const admitInvoke = createInvokeAdmission();
    const functions: Record<string, typeof invokeGetDeploymentDraft> = {
        [tokens.getDeploymentDraft]: invokeGetDeploymentDraft,
        [tokens.getDeploymentDrafts]: invokeGetDeploymentDrafts,
        [tokens.getDeploymentArgs]: invokeGetDeploymentArgs,
    };
    const requireDraftType = (type: string, urn: string) => {
        const actual = type || urn.split("::")[2] || "";
        if (actual !== tokens.deploymentDraft) throw new Error(`unknown resource type ${JSON.stringify(actual)}`);
    };

    const service = {
        getPluginInfo: unary<Empty, PluginInfo>(() => new PluginInfo().setVersion(options.version)),

        getSchema: unary<proto.GetSchemaRequest, proto.GetSchemaResponse>((request) => {
            if (request.getVersion() !== 0) throw new Error(`unsupported schema version ${request.getVersion()}`);
            return new proto.GetSchemaResponse().setSchema(options.schema());
        }),

        checkConfig: unary<proto.CheckRequest, proto.CheckResponse>((request) => {
            const news = fromStruct(request.getNews());
            const secrets = new Set([...news.secrets, ...secretSettings]);
            return new proto.CheckResponse().setInputs(toStruct(news.values, secrets)).setFailuresList(failuresOf(checkProviderSettings(news.values)));
        }),

        // Settings only say where to reach the API and who calls it: a change re-reads, never replaces.
        diffConfig: unary<proto.DiffRequest, proto.DiffResponse>((request) => {
            const olds = fromStruct(request.getOldInputs() ?? request.getOlds()).values;
            const news = fromStruct(request.getNews()).values;
            const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
            return new proto.DiffResponse()
                .setChanges(changed.length > 0 ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE)
                .setDiffsList(changed);
        }),

        configure: unary<proto.ConfigureRequest, proto.ConfigureResponse>((request) => {
            lookups.configure(requireProviderSettings(settingsOf(request)));
            return new proto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(false).setAcceptoutputs(false);
        }),

        // Admitted a bounded number at a time (see invokeAdmission.ts); a waiting invoke's
        // arguments are read only once it runs.
        invoke: unary<proto.InvokeRequest, proto.InvokeResponse>((request) =>
            admitInvoke(async () => {
                const invokeFunction = Object.prototype.hasOwnProperty.call(functions, request.getTok()) ? functions[request.getTok()] : undefined;
                if (!invokeFunction) throw new Error(`unknown function ${JSON.stringify(request.getTok())}`);
                const answer = await invokeFunction(lookups, fromStruct(request.getArgs()));
                const response = new proto.InvokeResponse().setFailuresList(failuresOf(answer.failures));
                return answer.result ? response.setReturn(toStruct(answer.result.values, answer.result.secrets)) : response;
            }),
        ),

        check: unary<proto.CheckRequest, proto.CheckResponse>((request) => {
            requireDraftType(request.getType(), request.getUrn());
            const answer = drafts.check(fromStruct(request.getOlds()), fromStruct(request.getNews()));
            return new proto.CheckResponse().setInputs(toStruct(answer.inputs.values, answer.inputs.secrets)).setFailuresList(failuresOf(answer.failures));
        }),

        diff: unary<proto.DiffRequest, proto.DiffResponse>((request) => {
            requireDraftType(request.getType(), request.getUrn());
            const answer = drafts.diff(fromStruct(request.getOlds()).values, fromStruct(request.getNews()).values, fromStruct(request.getOldInputs()).values);
            return new proto.DiffResponse()
                .setChanges(answer.changed.length > 0 ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE)
                .setReplacesList([...answer.replaces])
                .setDiffsList([...answer.changed])
                .setDeletebeforereplace(false);
        }),

        create: unary<proto.CreateRequest, proto.CreateResponse>(async (request) => {
            requireDraftType(request.getType(), request.getUrn());
            const answer = await drafts.create(fromStruct(request.getProperties()), request.getPreview());
            return new proto.CreateResponse().setId(answer.id).setProperties(toStruct(answer.outputs.values, answer.outputs.secrets));
        }),

        read: unary<proto.ReadRequest, proto.ReadResponse>(async (request) => {
            requireDraftType(request.getType(), request.getUrn());
            const answer = await drafts.read(request.getId(), fromStruct(request.getProperties()), fromStruct(request.getInputs()));
            const response = new proto.ReadResponse().setId(answer.id);
            return answer.id === ""
                ? response
                : response.setProperties(toStruct(answer.outputs.values, answer.outputs.secrets)).setInputs(toStruct(answer.inputs.values, answer.inputs.secrets));
        }),

        update: unary<proto.UpdateRequest, proto.UpdateResponse>(async (request) => {
            requireDraftType(request.getType(), request.getUrn());
            const outputs = await drafts.update(request.getId(), fromStruct(request.getNews()));
            return new proto.UpdateResponse().setProperties(toStruct(outputs.values, outputs.secrets));
        }),

        // Forgetting a draft never touches it: this resource only reads.
        delete: unary<proto.DeleteRequest, Empty>(() => new Empty()),

        // The engine is shutting down (Ctrl-C): requests in flight and retry waits end now, each
        // failing its call with Cancelled, so no read reports a draft gone.
        cancel: unary<Empty, Empty>(() => {
            lookups.cancel();
            return new Empty();
        }),

        // An engine run with PULUMI_DEBUG_PROVIDERS=ververica:<port> attaches to a plugin started by
        // hand and gives its address here (once per provider it loads): lines go to that engine
        // from now on. Another address is another run, which must see drafts as they are now,
        // not as an earlier run read them, and is not cancelled by an earlier run's Ctrl-C.
        attach: unary<PluginAttach, Empty>((request) => {
            const address = request.getAddress();
            if (address !== log.engineAddress) {
                log.connect(address);
                clearDraftLookupCache();
                lookups.resume();
            }
            return new Empty();
        }),
    };
    return service;
}

export { ResourceProviderService };
