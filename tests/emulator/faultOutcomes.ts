/**
 * What each injected fault looks like on the wire. A fault stands in for the real answer,
 * except "truncatedJson", which mangles it.
 */
import type { Fault } from "./faults";
import { forbiddenError, gatewayErrorReply, serviceErrorReply, type Reply, type ReplyContext } from "./responses";

/** How the server ends an exchange: an HTTP reply, a dropped connection, or silence. */
export type Outcome = { kind: "reply"; reply: Reply } | { kind: "reset" } | { kind: "hang" };

/**
 * @param action the API action the request maps to, named in RAM refusals
 * @param realReply produces the reply the request would have had without the fault
 */
export function faultOutcome(fault: Fault, ctx: ReplyContext, action: string, realReply: () => Reply): Outcome {
    switch (fault.kind) {
        case "throttle":
            return gateway(ctx, 429, "Throttling.User", "Request was denied due to user flow control.", {
                "x-acs-retry-after": String(fault.retryAfterMs),
            });
        case "throttleNoRetryAfter":
            return gateway(ctx, 429, "Throttling.User", "Request was denied due to user flow control.");
        case "rejectedThrottling":
            // The service's own flow control, as the Terraform provider meets it: a 400, not a 429.
            return reply(serviceErrorReply(ctx, 400, "Rejected.Throttling", "The request was rejected by flow control."));
        case "retryAfterOn400":
            // Neither the status nor the code says throttling; only the header asks for a wait.
            return gateway(ctx, 400, "RequestLimitExceeded", "Too many concurrent requests.", { "x-acs-retry-after": String(fault.retryAfterMs) });
        case "successFalseThrottling":
            return reply({ ...serviceErrorReply(ctx, 429, "Throttling", "Request was denied due to flow control."), status: 200 });
        case "notFoundWithoutCode":
            // What a wrong workspace header or a path the service does not serve can look like:
            // a 404 envelope that does not say the draft is gone.
            return reply(serviceErrorReply(ctx, 404, "", "Not Found"));
        case "error500":
            return gateway(ctx, 500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");
        case "error503":
            return gateway(ctx, 503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
        case "reset":
            return { kind: "reset" };
        case "timeout":
            return { kind: "hang" };
        case "malformedJson":
            // What a misbehaving proxy in front of the service might send, still labelled as JSON.
            return reply({ status: 200, headers: {}, body: Buffer.from("<html><body><h1>502 Bad Gateway</h1></body></html>\n") });
        case "truncatedJson": {
            const real = realReply();
            return reply({ status: 200, headers: real.headers, body: real.body.subarray(0, Math.floor(real.body.length / 2)) });
        }
        case "successFalse":
            return reply({ ...serviceErrorReply(ctx, 400, "InvalidParameter", "The parameter is invalid."), status: 200 });
        case "forbidden":
            return reply(gatewayErrorReply(ctx, forbiddenError(ctx, action)));
        case "badSignature":
            return gateway(ctx, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    }
}

function reply(r: Reply): Outcome {
    return { kind: "reply", reply: r };
}

function gateway(ctx: ReplyContext, status: number, code: string, message: string, headers?: Record<string, string>): Outcome {
    return reply(gatewayErrorReply(ctx, { status, code, message, headers }));
}
