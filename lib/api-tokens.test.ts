import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { lastUsedIsStale, looksLikeToken, requireScope, tokenExpiry, tokenStatus } from "./api-tokens";

const now = new Date("2026-06-01T12:00:00Z");

describe("looksLikeToken", () => {
  it("accepts the shape tokens are made in and nothing else", () => {
    expect(looksLikeToken(`stave_${randomBytes(32).toString("base64url")}`)).toBe(true);
    expect(looksLikeToken(`stave_${randomBytes(31).toString("base64url")}`)).toBe(false);
    expect(looksLikeToken(`other_${randomBytes(32).toString("base64url")}`)).toBe(false);
    expect(looksLikeToken(`stave_${"a".repeat(42)}=`)).toBe(false);
    expect(looksLikeToken("")).toBe(false);
  });
});

describe("tokenExpiry", () => {
  it("counts the chosen days from now, or never", () => {
    expect(tokenExpiry("30", now)).toEqual(new Date("2026-07-01T12:00:00Z"));
    expect(tokenExpiry("365", now)).toEqual(new Date("2027-06-01T12:00:00Z"));
    expect(tokenExpiry("never", now)).toBeNull();
  });
});

describe("tokenStatus", () => {
  it("is active until it expires, expired from the moment it does, and revoked once revoked", () => {
    expect(tokenStatus({ expiresAt: null, revokedAt: null }, now)).toBe("active");
    expect(tokenStatus({ expiresAt: new Date(now.getTime() + 1), revokedAt: null }, now)).toBe("active");
    expect(tokenStatus({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(tokenStatus({ expiresAt: new Date(0), revokedAt: new Date(1) }, now)).toBe("revoked");
  });
});

describe("lastUsedIsStale", () => {
  it("writes last used when never used, or a minute after the last write, not sooner", () => {
    expect(lastUsedIsStale(null, now)).toBe(true);
    expect(lastUsedIsStale(new Date(now.getTime() - 59_999), now)).toBe(false);
    expect(lastUsedIsStale(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});

describe("requireScope", () => {
  it("refuses with 403 and the scope's name when the token lacks it", () => {
    expect(() => requireScope(["read", "read:notes"], "read:notes")).not.toThrow();
    let error: unknown;
    try {
      requireScope(["read"], "read:notes");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("forbidden");
    expect((error as AppError).message).toMatch(/read:notes/);
  });
});
