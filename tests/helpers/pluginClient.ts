import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import type { EngineLog } from "../../provider/plugin/engineLog";
import { DEFAULT_TEST_CREDENTIAL } from "../emulator";
import { packageSchema } from "../../provider/plugin/schema";
import { ProviderServer, startProviderServer } from "../../provider/plugin/server";

/** Pulumi's secret signature, as the engine wraps secret values. */
export function secretValue(value: unknown): Record<string, unknown> {
    return { [specialSigKey]: specialSecretSig, value };
}

/** Whether a value read back from a Struct is secret-wrapped. */
export function isSecretValue(value: unknown): value is { value: unknown } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[specialSigKey] === specialSecretSig;
}

/** A Struct of plain values (secret-wrapped ones included); undefined ones are left out. */
export function struct(values: Record<string, unknown>): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(values)) as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** The failure of a gRPC call, as the engine receives it. */
export interface CallFailure {
    readonly code: grpc.status;
    readonly details: string;
}

// The full-argument form of a generated client method (the last of its overloads, which is what
// type inference sees).
type Method<Req, Res> = (
    request: Req,
    metadata: grpc.Metadata,
    options: Partial<grpc.CallOptions>,
    callback: (error: grpc.ServiceError | null, response: Res) => void,
) => grpc.ClientUnaryCall;

/** A client calling a provider plugin over loopback gRPC, as the engine does. */
export interface PluginClient {
    call<Req, Res>(method: (client: ResourceProviderClient) => Method<Req, Res>, request: Req): Promise<Res>;
    /** Calls and expects a failure; resolves with it. */
    fail<Req, Res>(method: (client: ResourceProviderClient) => Method<Req, Res>, request: Req): Promise<CallFailure>;
    /** Closes the client (not the plugin). */
    close(): void;
}

/** A provider plugin served in this process and a client calling it. */
export interface PluginSession extends Omit<PluginClient, "close"> {
    readonly server: ProviderServer;
    close(): Promise<void>;
}

/** A client of the plugin serving on 127.0.0.1:`port`, in this process or another. */
export function connectPlugin(port: number): PluginClient {
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const call = <Req, Res>(method: (c: ResourceProviderClient) => Method<Req, Res>, request: Req) =>
        new Promise<Res>((resolve, reject) => {
            method(client).call(client, request, new grpc.Metadata(), {}, (error, response) => (error ? reject(error) : resolve(response)));
        });
    return {
        call,
        async fail(method, request) {
            try {
                await call(method, request);
            } catch (e) {
                const error = e as grpc.ServiceError;
                return { code: error.code, details: error.details };
            }
            throw new Error("expected the call to fail, but it succeeded");
        },
        close() {
            client.close();
        },
    };
}

/** Starts the plugin's gRPC service with `env` as its process environment, its lines going to `log` (default: stderr). */
export async function startPluginSession(env: NodeJS.ProcessEnv, log?: EngineLog): Promise<PluginSession> {
    const server = await startProviderServer({ version: "0.0.0-test", schema: () => JSON.stringify(packageSchema()), env, log });
    const client = connectPlugin(server.port);
    return {
        ...client,
        server,
        async close() {
            client.close();
            await server.close();
        },
    };
}

/** Configures the plugin as the engine would, for the emulator at `endpoint` with its test key, plus `settings`. */
export function configureForEmulator(plugin: Pick<PluginClient, "call">, endpoint: string, settings: Record<string, unknown> = {}): Promise<proto.ConfigureResponse> {
    return plugin.call(
        (c) => c.configure.bind(c),
        new proto.ConfigureRequest()
            .setArgs(struct({ endpoint, accessKey: DEFAULT_TEST_CREDENTIAL.accessKeyId, secretKey: secretValue(DEFAULT_TEST_CREDENTIAL.accessKeySecret), ...settings }))
            .setAcceptsecrets(true),
    );
}

export { Empty, PluginInfo, proto };
