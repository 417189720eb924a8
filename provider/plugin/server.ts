import * as grpc from "@grpc/grpc-js";
import { createProviderService, ProviderServiceOptions, ResourceProviderService } from "./providerService";

/** A running provider server. */
export interface ProviderServer {
    /** The loopback port it listens on. */
    readonly port: number;
    /** Stops it, letting calls in flight finish. */
    close(): Promise<void>;
}

/**
 * Calls the server takes at once on one connection (the engine holds one). A caller over the
 * bound waits for a free stream on its side (gRPC clients honour HTTP/2's
 * MAX_CONCURRENT_STREAMS), so a flood of invokes costs the plugin no memory until it is served.
 */
export const maxConcurrentCalls = 256;

/** Serves the provider on a free loopback port. */
export async function startProviderServer(options: ProviderServiceOptions): Promise<ProviderServer> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_concurrent_streams": maxConcurrentCalls });
    server.addService(ResourceProviderService, createProviderService(options));
    const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
    });
    return {
        port,
        close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
    };
}
