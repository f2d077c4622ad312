import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { hostAllowed, refusedAddress } from "@/lib/webhooks/address-policy";

// The one place Stave sends an HTTP request to an address someone typed (a webhook endpoint). The
// address is checked where the connection is made: every address the name resolves to must be a
// public one (unless the operator allows the host), and the connection goes to an address that was
// checked, so a name that resolves differently a second time (DNS rebinding) gains nothing. No
// redirect is followed; the whole exchange has a deadline; only the start of the answer is kept.

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of an endpoint's answer is kept in the delivery log. */
export const ANSWER_KEPT_BYTES = 2_048;

export type WebhookPost = { url: string; headers: Record<string, string>; body: string; allowedHosts: readonly string[]; timeoutMs?: number };
/** An endpoint's answer (any status), or why there was none. */
export type WebhookOutcome = { status: number; answer: string; ms: number } | { error: string; ms: number };

/** Resolves like dns.lookup, refusing a name any of whose addresses is not public. */
function checkedLookup(allowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const refused = allowed ? undefined : addresses.map((a) => refusedAddress(a.address)).find(Boolean);
      if (refused || addresses.length === 0) {
        const problem = Object.assign(new Error(refused ? `${hostname} resolves to ${refused}` : `${hostname} has no address`), { code: "STAVE_REFUSED" });
        return callback(problem, "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** POSTs a webhook; never throws. */
export function postWebhook({ url: raw, headers, body, allowedHosts, timeoutMs = WEBHOOK_TIMEOUT_MS }: WebhookPost): Promise<WebhookOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const deadline = new AbortController();
    const timer = setTimeout(() => {
      settle({ error: `No answer within ${timeoutMs / 1000} s.`, ms: elapsed() });
      deadline.abort();
    }, timeoutMs);
    const settle = (outcome: WebhookOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const url = new URL(raw);
    const allowed = hostAllowed(url, allowedHosts);
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    // An IP address in the URL is never looked up: check it here.
    const literalRefused = !allowed && isIP(literal) ? refusedAddress(literal) : undefined;
    if (literalRefused) return settle({ error: `Refused: ${literalRefused}.`, ms: elapsed() });
    if (url.protocol !== "https:" && !allowed) return settle({ error: "Refused: webhooks are sent over HTTPS only.", ms: elapsed() });

    const send = url.protocol === "https:" ? https.request : http.request;
    const request = send(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "Stave-Webhooks/1", ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      lookup: checkedLookup(allowed),
      agent: false,
      signal: deadline.signal,
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = () =>
        settle({ status: response.statusCode ?? 0, answer: Buffer.concat(chunks).toString("utf8").slice(0, ANSWER_KEPT_BYTES), ms: elapsed() });
      response.on("data", (chunk: Buffer) => {
        if (kept < ANSWER_KEPT_BYTES) chunks.push(chunk.subarray(0, ANSWER_KEPT_BYTES - kept));
        kept += chunk.length;
        if (kept >= ANSWER_KEPT_BYTES) {
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("error", done);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      const reason = error.code === "STAVE_REFUSED" ? `Refused: ${error.message}.` : `Could not connect: ${error.code ?? error.message}.`;
      settle({ error: reason, ms: elapsed() });
    });
    request.end(body);
  });
}
