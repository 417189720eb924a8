import * as grpc from "@grpc/grpc-js";
import { createProviderService, ProviderServiceOptions, ResourceProviderService } from "./providerService";

/** A running provider server. */
export interface ProviderServer {
    /** The loopback port it listens on. */
    readonly port: number;
    /** Stops it, letting calls in flight finish. */
    close(): Promise<void>;
}

/** Serves the provider on a free loopback port. */
export async function startProviderServer(options: ProviderServiceOptions): Promise<ProviderServer> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(ResourceProviderService, createProviderService(options));
    const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
    });
    return {
        port,
        close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
    };
}
