/**
 * Section 1: lookups per second through the package against the emulator, next to the least
 * any client has to do for the same call, and next to `@alicloud/openapi-client`.
 *
 * The emulator refuses a replayed signature nonce, so no baseline can sign once and replay.
 * The raw baseline therefore signs every request with the package's own signer (the same
 * headers, the same V3 signature) and sends it with a bare
 * `http.request` on a keep-alive agent, reading the body and `JSON.parse`-ing it: the wire
 * work every client pays. What the package adds on top is everything else: settings and
 * credential resolution, validation, the concurrency bound, the retry policy, timeouts,
 * response classification and the typed model.
 *
 * Throughput is counted two ways: per second of wall time, and per second of this process's
 * CPU time (the emulator runs in its own process). On a shared machine the first also measures
 * the neighbours; the second is what a client costs, and is the ratio the goal applies to.
 * Each round measures the three clients back to back, and ratios are taken within a round, so
 * a slow spell of the machine affects both sides of a ratio alike.
 */
import * as http from "http";
import OpenApiClient, * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import { parseEndpoint } from "../provider/core/connectionSettings";
import { draftPath } from "../provider/core/pathEncoding";
import { signRequest } from "../provider/core/requestSigner";
import { getDeploymentDraft } from "../sdk/nodejs";
import { DEFAULT_TEST_CREDENTIAL } from "../tests/emulator";
import type { EmulatorProcess } from "./emulatorProcess";
import { fixed, interleaved, median, runPool, timed } from "./measure";
import { SectionResult, sectionResult } from "./result";
import { asError } from "../tests/helpers/asError";

export interface ThroughputSettings {
    readonly workspace: string;
    readonly namespace: string;
    readonly ids: readonly string[];
    readonly concurrency: number;
    /** Requests per client per round. */
    readonly requests: number;
    readonly rounds: number;
}

type Client = "raw" | "ours" | "openapi";

export async function measureClientThroughput(emulator: EmulatorProcess, s: ThroughputSettings): Promise<SectionResult> {
    const endpoint = parseEndpoint(emulator.url, "the benchmark");
    const credential = { accessKeyId: DEFAULT_TEST_CREDENTIAL.accessKeyId, accessKeySecret: DEFAULT_TEST_CREDENTIAL.accessKeySecret };
    const timeouts = { connectTimeoutMs: 10_000, readTimeoutMs: 60_000 };
    const id = (i: number) => s.ids[i % s.ids.length];

    const agent = new http.Agent({ keepAlive: true });
    const [hostname, port] = endpoint.host.split(":");
    const raw = (i: number) =>
        new Promise<unknown>((resolve, reject) => {
            const request = signRequest({ action: "GetDeploymentDraft", pathname: draftPath(s.namespace, id(i)), workspace: s.workspace }, endpoint, credential, timeouts);
            const req = http.request({ hostname, port: Number(port), method: "GET", path: request.path, headers: request.headers, agent }, (res) => {
                const chunks: Buffer[] = [];
                res.on("data", (chunk: Buffer) => chunks.push(chunk));
                res.on("end", () => {
                    try {
                        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data?: unknown };
                        if (res.statusCode !== 200 || !body.data) throw new Error(`HTTP ${res.statusCode}`);
                        resolve(body.data);
                    } catch (e) {
                        reject(asError(e));
                    }
                });
                res.on("error", reject);
            });
            req.on("error", reject);
            req.end();
        });

    const ours = (i: number) =>
        getDeploymentDraft({ workspace: s.workspace, namespace: s.namespace, deploymentDraftId: id(i) }, { endpoint: emulator.url, cache: false, maxConcurrency: s.concurrency });

    const openApiClient = new OpenApiClient(new $OpenApi.Config({ ...credential, endpoint: endpoint.host, protocol: "HTTP" }));
    const openapi = (i: number) =>
        openApiClient.callApi(
            new $OpenApi.Params({
                action: "GetDeploymentDraft",
                version: "2022-07-18",
                protocol: "HTTP",
                pathname: draftPath(s.namespace, id(i)),
                method: "GET",
                authType: "AK",
                style: "ROA",
                reqBodyType: "json",
                bodyType: "json",
            }),
            new $OpenApi.OpenApiRequest({ headers: { workspace: s.workspace } }),
            new $Util.RuntimeOptions({}),
        );

    const clients: Record<Client, (i: number) => Promise<unknown>> = { raw, ours, openapi };
    // Warm-up: JIT, connection pools, lazily loaded modules.
    for (const call of Object.values(clients)) {
        await runPool(Math.min(500, s.requests), s.concurrency, call);
    }
    const round = (call: (i: number) => Promise<unknown>) => () => timed(() => runPool(s.requests, s.concurrency, call));
    const samples = await interleaved({ raw: round(raw), ours: round(ours), openapi: round(openapi) }, s.rounds);
    agent.destroy();

    const wall = (name: Client) => samples[name].map((t) => s.requests / (t.ms / 1000));
    const cpu = (name: Client) => samples[name].map((t) => s.requests / (t.cpuMs / 1000));
    const paired = (per: (name: Client) => number[], name: Client) => {
        const base = per("raw");
        return per(name).map((v, round) => v / base[round]);
    };
    const cpuRps = { raw: median(cpu("raw")), ours: median(cpu("ours")), openapi: median(cpu("openapi")) };
    const wallRps = { raw: median(wall("raw")), ours: median(wall("ours")), openapi: median(wall("openapi")) };
    const rounded = (values: number[], digits: number) => values.map((v) => Number(fixed(v, digits)));
    return sectionResult({
        section: 1,
        title: `client throughput, ${s.ids.length} distinct drafts, concurrency ${s.concurrency}`,
        ours: { label: "pulumi-ververica getDeploymentDraft (cache: false)", value: cpuRps.ours, unit: "lookups/CPU-s" },
        baseline: { label: "raw keep-alive http.request, same signer, JSON.parse only", value: cpuRps.raw, unit: "requests/CPU-s" },
        ratio: median(paired(cpu, "ours")),
        ratioMeaning: "ours / raw, requests per CPU second, median of per-round ratios",
        goal: { op: ">=", value: 0.8 },
        details: {
            requestsPerRound: s.requests,
            rounds: s.rounds,
            openapiClient: {
                label: "@alicloud/openapi-client callApi, unmodified",
                requestsPerCpuSecond: cpuRps.openapi,
                ratioToRaw: median(paired(cpu, "openapi")),
            },
            wallClock: {
                requestsPerSecond: wallRps,
                oursToRaw: median(paired(wall, "ours")),
                openapiToRaw: median(paired(wall, "openapi")),
            },
            perRoundRatios: {
                cpuOursToRaw: rounded(paired(cpu, "ours"), 3),
                cpuOpenapiToRaw: rounded(paired(cpu, "openapi"), 3),
                wallOursToRaw: rounded(paired(wall, "ours"), 3),
            },
            cpuRequestsPerSecondSamples: { raw: rounded(cpu("raw"), 0), ours: rounded(cpu("ours"), 0), openapi: rounded(cpu("openapi"), 0) },
            wallRequestsPerSecondSamples: { raw: rounded(wall("raw"), 0), ours: rounded(wall("ours"), 0), openapi: rounded(wall("openapi"), 0) },
        },
    });
}
