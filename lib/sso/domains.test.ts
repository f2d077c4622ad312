import { describe, expect, it } from "vitest";
import { emailDomain, inDomains, isDomain, splitDomains } from "./domains";
import { ssoErrorMessage } from "./sign-in-errors";

describe("single sign-on domains", () => {
  it("splits a typed list into clean, distinct domains", () => {
    expect(splitDomains(" Example.com, @example.org,,example.com  sub.example.net ")).toEqual(["example.com", "example.org", "sub.example.net"]);
  });

  it("tells a domain from something else", () => {
    expect(isDomain("example.com")).toBe(true);
    expect(isDomain("a-b.co.uk")).toBe(true);
    for (const bad of ["localhost", "exa mple.com", "-x.com", "example.", "http://example.com", "ex_ample.com"]) expect(isDomain(bad)).toBe(false);
  });

  it("matches an address's domain exactly, case aside", () => {
    expect(emailDomain("Ann@Example.COM")).toBe("example.com");
    expect(inDomains("ann@example.com", ["example.com"])).toBe(true);
    expect(inDomains("ann@sub.example.com", ["example.com"])).toBe(false);
    expect(inDomains("ann@example.com.evil.test", ["example.com"])).toBe(false);
    expect(inDomains("no-at-sign", ["example.com"])).toBe(false);
  });

  it("says why a single sign-on came back refused", () => {
    expect(ssoErrorMessage("state_mismatch")).toMatch(/state did not match/);
    expect(ssoErrorMessage("email_domain_not_allowed")).toMatch(/does not allow that e-mail address's domain/);
    expect(ssoErrorMessage("invalid_provider")).toMatch(/another issuer/);
    expect(ssoErrorMessage(undefined)).toBeUndefined();
  });
});
