import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSWER_KEPT_BYTES, postWebhook } from "./webhook-request";

// A real receiver on loopback: what it answers depends on the path.
const received: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push({ path: req.url!, headers: req.headers, body });
    if (req.url === "/hang") return; // never answers
    if (req.url === "/fail") return res.writeHead(500).end("database down");
    if (req.url === "/redirect") return res.writeHead(302, { Location: "http://169.254.169.254/" }).end();
    if (req.url === "/long") return res.writeHead(200).end("x".repeat(100_000));
    res.writeHead(200, { "Content-Type": "text/plain" }).end("thanks");
  });
});
let port: number;
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(() => {
  receiver.closeAllConnections();
  receiver.close();
});

const post = (path: string, options: { allowed?: string[]; host?: string; timeoutMs?: number } = {}) =>
  postWebhook({
    url: `http://${options.host ?? "127.0.0.1"}:${port}${path}`,
    headers: { "webhook-id": "msg_1" },
    body: '{"type":"test"}',
    allowedHosts: options.allowed ?? [`127.0.0.1:${port}`, `localhost:${port}`],
    timeoutMs: options.timeoutMs,
  });

describe("sending a webhook", () => {
  it("POSTs the body with its headers to an allowed host and keeps the answer", async () => {
    const outcome = await post("/ok");
    expect(outcome).toMatchObject({ status: 200, answer: "thanks" });
    expect(received.at(-1)).toMatchObject({ path: "/ok", body: '{"type":"test"}' });
    expect(received.at(-1)!.headers).toMatchObject({ "webhook-id": "msg_1", "content-type": "application/json", "user-agent": "Stave-Webhooks/1" });
  });

  it("reports a failing answer, and does not follow a redirect", async () => {
    expect(await post("/fail")).toMatchObject({ status: 500, answer: "database down" });
    expect(await post("/redirect")).toMatchObject({ status: 302 });
    expect(received.filter((r) => r.path === "/redirect")).toHaveLength(1);
  });

  it("keeps only the start of a long answer", async () => {
    const outcome = await post("/long");
    expect("answer" in outcome && outcome.answer.length).toBe(ANSWER_KEPT_BYTES);
  });

  it("gives up on an endpoint that does not answer in time", async () => {
    expect(await post("/hang", { timeoutMs: 300 })).toMatchObject({ error: "No answer within 0.3 s." });
  });

  it("refuses loopback, by address or by a name that resolves to it, unless the host is allowed", async () => {
    const before = received.length;
    expect(await post("/ok", { allowed: [] })).toMatchObject({ error: expect.stringMatching(/^Refused: .*loopback/) });
    expect(await postWebhook({ url: `https://localhost:${port}/ok`, headers: {}, body: "{}", allowedHosts: [] })).toMatchObject({
      error: expect.stringMatching(/^Refused: localhost resolves to .*loopback/),
    });
    expect(await postWebhook({ url: `https://169.254.169.254/latest/meta-data`, headers: {}, body: "{}", allowedHosts: [] })).toMatchObject({
      error: expect.stringMatching(/metadata/),
    });
    expect(received.length).toBe(before);
    expect(await post("/ok", { host: "localhost" })).toMatchObject({ status: 200 });
  });
});
