import { makeSignature } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { verifiedSessionToken } from "./session-cookie";

const secret = "a-test-secret-that-is-long-enough-0123456789";

describe("verifiedSessionToken", () => {
  it("accepts a cookie signed the way the auth library signs it, encoded or not", async () => {
    const token = "abc123TOKENxyz";
    const signed = `${token}.${await makeSignature(token, secret)}`;
    expect(verifiedSessionToken(signed, secret)).toBe(token);
    expect(verifiedSessionToken(encodeURIComponent(signed), secret)).toBe(token);
  });

  it("refuses a wrong signature, another secret, a changed token and malformed values", async () => {
    const token = "abc123TOKENxyz";
    const signature = await makeSignature(token, secret);
    expect(verifiedSessionToken(`${token}.${await makeSignature(token, `${secret}!`)}`, secret)).toBeUndefined();
    expect(verifiedSessionToken(`${token}x.${signature}`, secret)).toBeUndefined();
    expect(verifiedSessionToken(`${token}.${signature.slice(0, -2)}`, secret)).toBeUndefined();
    expect(verifiedSessionToken(token, secret)).toBeUndefined();
    expect(verifiedSessionToken(`.${signature}`, secret)).toBeUndefined();
    expect(verifiedSessionToken("%E0%A4%A", secret)).toBeUndefined();
  });
});
