import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { JSON_BODY_LIMIT, originIsThisSite, readJson } from "./json-body";

const schema = z.object({ id: z.string(), level: z.number().int().min(1, "Level 1 at least.") });
const URL_ = "http://stave.test/api/things";

function put(body: string, headers: Record<string, string> = {}) {
  return new Request(URL_, { method: "PUT", headers: { "content-type": "application/json", ...headers }, body });
}

async function refusal(request: Request, fromPath?: Record<string, string>) {
  const error = await readJson(request, schema, "A thing", fromPath).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, message } = error as AppError;
  return { code, message };
}

describe("readJson", () => {
  it("reads a JSON object, with the path's parameters winning over the body's", async () => {
    expect(await readJson(put(JSON.stringify({ id: "from-body", level: 2 })), schema, "A thing", { id: "from-path" })).toEqual({ id: "from-path", level: 2 });
  });

  it("takes a request from this site's pages, by its own origin or by the host a proxy passed on", async () => {
    expect(await readJson(put('{"id":"a","level":1}', { origin: "http://stave.test" }), schema, "A thing")).toMatchObject({ id: "a" });
    const proxied = new Request("http://127.0.0.1:3000/api/things", {
      method: "PUT",
      headers: { "content-type": "application/json", origin: "https://stave.example.com", host: "stave.example.com" },
      body: '{"id":"a","level":1}',
    });
    expect(await readJson(proxied, schema, "A thing")).toMatchObject({ id: "a" });
  });

  it("knows this site behind a proxy by the configured address, and by X-Forwarded-Host and -Proto only when the proxy is trusted", () => {
    const internal = {
      url: "http://127.0.0.1:3000/api/things",
      host: "127.0.0.1:3000",
      forwardedHost: "stave.example.com",
      forwardedProto: "https",
      trustProxy: false,
    };
    expect(originIsThisSite("https://stave.example.com", internal)).toBe(false);
    expect(originIsThisSite("https://stave.example.com", { ...internal, trustProxy: true })).toBe(true);
    expect(originIsThisSite("http://stave.example.com", { ...internal, trustProxy: true })).toBe(false);
    expect(originIsThisSite("https://stave.example.com", { ...internal, trustProxy: true, forwardedHost: "stave.example.com:443, inner" })).toBe(true);
    expect(originIsThisSite("https://stave.example.com", { ...internal, configured: "https://stave.example.com/" })).toBe(true);
    expect(originIsThisSite("http://stave.example.com", { ...internal, configured: "https://stave.example.com" })).toBe(false);
    expect(originIsThisSite("https://elsewhere.example", { ...internal, trustProxy: true, configured: "https://stave.example.com" })).toBe(false);
    expect(originIsThisSite("null", internal)).toBe(false);
    expect(originIsThisSite(null, internal)).toBe(true);
  });

  it("reads the proxy settings from the environment", async () => {
    const behindProxy = () =>
      new Request("http://127.0.0.1:3000/api/things", {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          origin: "https://stave.example.com",
          host: "127.0.0.1:3000",
          "x-forwarded-host": "stave.example.com",
          "x-forwarded-proto": "https",
        },
        body: '{"id":"a","level":1}',
      });
    const fresh = async (trust: string) => {
      vi.resetModules();
      vi.stubEnv("STAVE_TRUST_PROXY", trust);
      return (await import("./json-body")).readJson;
    };
    try {
      const untrusting = await fresh("0");
      await expect(untrusting(behindProxy(), schema, "A thing")).rejects.toMatchObject({ code: "forbidden" });
      const trusting = await fresh("1");
      expect(await trusting(behindProxy(), schema, "A thing")).toMatchObject({ id: "a" });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("refuses another site's page, by name", async () => {
    expect(await refusal(put('{"id":"a","level":1}', { origin: "https://elsewhere.example" }))).toEqual({
      code: "forbidden",
      message: "A thing is taken from Stave's own pages only.",
    });
    expect(await refusal(put('{"id":"a","level":1}', { origin: "null" }))).toMatchObject({ code: "forbidden" });
  });

  it("refuses what a plain form could send, and what is not a JSON object", async () => {
    expect(await refusal(put('{"id":"a","level":1}', { "content-type": "text/plain" }))).toEqual({ code: "invalid_input", message: "Send a thing as JSON." });
    expect(await refusal(put('{"id": '))).toEqual({ code: "invalid_input", message: "Invalid request: a thing is not valid JSON." });
    for (const body of ["[1]", '"text"', "null", "3"]) {
      expect(await refusal(put(body))).toEqual({ code: "invalid_input", message: "Invalid request: send a thing as a JSON object." });
    }
  });

  it("says what the schema finds wrong", async () => {
    expect(await refusal(put('{"id":"a","level":0}'))).toEqual({ code: "invalid_input", message: "Level 1 at least." });
  });

  it("refuses a body over the limit, whether or not it declares its length", async () => {
    const large = JSON.stringify({ id: "a".repeat(JSON_BODY_LIMIT), level: 1 });
    expect(await refusal(put(large))).toEqual({ code: "payload_too_large", message: "The request is too large: a thing can be at most 64 KB." });
    expect(await refusal(put("{}", { "content-length": String(JSON_BODY_LIMIT + 1) }))).toMatchObject({ code: "payload_too_large" });
  });

  it("decodes a character split between chunks, and drops a leading byte-order mark", async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"id":"café","level":1}');
    const split = bytes.indexOf(0xa9); // the second byte of "é"
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const request = new Request(URL_, { method: "PUT", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    expect(await readJson(request, schema, "A thing")).toEqual({ id: "café", level: 1 });
  });

  it("refuses a long body without a declared length once it passes the limit, before the rest arrives", async () => {
    let sent = 0;
    const long = new ReadableStream<Uint8Array>({
      async pull(controller) {
        sent += 1;
        // Past the limit the client sends slowly: the refusal must not wait for the rest.
        if (sent * 4096 > JSON_BODY_LIMIT + 8192) await new Promise((resolve) => setTimeout(resolve, 20));
        if (sent > 200) controller.close();
        else controller.enqueue(new TextEncoder().encode(" ".repeat(4096)));
      },
    });
    const request = new Request(URL_, { method: "PUT", headers: { "content-type": "application/json" }, body: long, duplex: "half" } as RequestInit);
    expect(await refusal(request)).toMatchObject({ code: "payload_too_large" });
    // Refused at the limit; the rest is read and dropped afterwards, so the client can read the refusal.
    expect(sent).toBeLessThan(JSON_BODY_LIMIT / 4096 + 4);
  });
});
