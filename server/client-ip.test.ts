import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, markClientAddress, trustedClientAddress } from "./client-address.mjs";
import { clientAddress } from "./client-ip";

describe("trustedClientAddress", () => {
  it("without a trusted proxy, takes the socket's address and ignores every X-Forwarded-For entry", () => {
    expect(trustedClientAddress({ socketAddress: "203.0.113.7", forwardedFor: "6.6.6.6", trustProxy: false })).toBe("203.0.113.7");
    expect(trustedClientAddress({ socketAddress: "203.0.113.7", forwardedFor: "6.6.6.6, 7.7.7.7", trustProxy: false })).toBe("203.0.113.7");
  });

  it("behind a trusted proxy, takes the entry the proxy appended (the last), not the ones the client sent before it", () => {
    expect(trustedClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.4", trustProxy: true })).toBe("198.51.100.4");
    expect(trustedClientAddress({ socketAddress: "10.0.0.2", forwardedFor: ["6.6.6.6", "198.51.100.4 , "], trustProxy: true })).toBe("198.51.100.4");
  });

  it("behind a trusted proxy that sent no entry, falls back to the socket; with neither, one shared bucket", () => {
    expect(trustedClientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustProxy: true })).toBe("10.0.0.2");
    expect(trustedClientAddress({ socketAddress: "10.0.0.2", forwardedFor: " , ", trustProxy: true })).toBe("10.0.0.2");
    expect(trustedClientAddress({ socketAddress: undefined, forwardedFor: undefined, trustProxy: false })).toBe("unknown");
  });

  it("counts an IPv4 client on an IPv6 socket by its IPv4 address", () => {
    expect(trustedClientAddress({ socketAddress: "::ffff:192.0.2.1", forwardedFor: undefined, trustProxy: false })).toBe("192.0.2.1");
    expect(trustedClientAddress({ socketAddress: "2001:db8::1", forwardedFor: undefined, trustProxy: false })).toBe("2001:db8::1");
  });
});

describe("markClientAddress", () => {
  it("overwrites a client-address header the client sent itself", () => {
    const req = { headers: { [CLIENT_ADDRESS_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" }, socket: { remoteAddress: "203.0.113.9" } };
    markClientAddress(req as never, false);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
  });
});

describe("clientAddress", () => {
  it("reads only the header the server set, never X-Forwarded-For", () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }))).toBe("unknown");
  });
});
