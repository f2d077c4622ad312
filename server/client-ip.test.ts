import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-ip";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  it("without a trusted proxy, counts the address the server itself appended, not one the client wrote", () => {
    // A client can send any X-Forwarded-For; only the last entry was added by the server in front.
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), false)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), false)).toBe("203.0.113.7");
  });

  it("behind a trusted proxy (STAVE_TRUST_PROXY=1), counts the first entry, the client the proxy saw", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.4, 10.0.0.2" }), true)).toBe("198.51.100.4");
  });

  it("ignores blanks and falls back to X-Real-IP, then to one shared bucket", () => {
    expect(clientAddress(headers({ "x-forwarded-for": " , 192.0.2.9 ," }), false)).toBe("192.0.2.9");
    expect(clientAddress(headers({ "x-real-ip": "192.0.2.10" }), true)).toBe("192.0.2.10");
    expect(clientAddress(headers({}), false)).toBe("unknown");
  });
});
