import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { bearerToken } from "./bearer";

function refusal(header: string | null): string {
  try {
    bearerToken(header);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("unauthenticated");
    return (error as AppError).message;
  }
  throw new Error(`"${header}" was accepted`);
}

describe("bearerToken", () => {
  it("takes the token of a Bearer header, whatever the scheme's case and surrounding spaces", () => {
    expect(bearerToken("Bearer stave_abc")).toBe("stave_abc");
    expect(bearerToken("bearer stave_abc")).toBe("stave_abc");
    expect(bearerToken("  BEARER   stave_abc  ")).toBe("stave_abc");
  });

  it("says a token is needed when there is no header", () => {
    expect(refusal(null)).toMatch(/needs a token/);
    expect(refusal("   ")).toMatch(/needs a token/);
  });

  it("names the wrong scheme", () => {
    expect(refusal("Basic dXNlcjpwYXNz")).toMatch(/scheme “Basic”/);
    expect(refusal("stave_abc")).toMatch(/no scheme/);
    expect(refusal("stave_abc")).not.toContain("stave_abc");
  });

  it("refuses a Bearer header without a token or with more than one", () => {
    expect(refusal("Bearer")).toMatch(/no token/);
    expect(refusal("Bearer a b")).toMatch(/more than one token/);
  });
});
