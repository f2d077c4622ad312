import { describe, expect, it } from "vitest";
import { requestPasswordResetSchema, resetPasswordSchema } from "./account";

const errorsOf = (input: unknown) => {
  const parsed = resetPasswordSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("resetPasswordSchema", () => {
  it("takes a token and the same new password twice", () => {
    expect(resetPasswordSchema.parse({ token: "AbC123_-x", newPassword: "long enough now", confirmPassword: "long enough now" })).toMatchObject({
      token: "AbC123_-x",
      newPassword: "long enough now",
    });
  });

  it("holds the new password to the sign-up rules and says when the two differ", () => {
    expect(errorsOf({ token: "abc", newPassword: "short", confirmPassword: "short" })).toEqual({ newPassword: "Use at least 10 characters." });
    expect(errorsOf({ token: "abc", newPassword: "long enough now", confirmPassword: "long enough no" })).toEqual({
      confirmPassword: "The two passwords differ.",
    });
  });

  it("refuses a token that no reset link could carry", () => {
    expect(errorsOf({ token: "../../etc", newPassword: "long enough now", confirmPassword: "long enough now" })).toEqual({
      token: "This is not a password reset link.",
    });
  });
});

describe("requestPasswordResetSchema", () => {
  it("reads the address as sign-in does", () => {
    expect(requestPasswordResetSchema.parse({ email: "  Ada@Example.COM " })).toEqual({ email: "ada@example.com" });
    expect(requestPasswordResetSchema.safeParse({ email: "not an address" }).success).toBe(false);
  });
});
