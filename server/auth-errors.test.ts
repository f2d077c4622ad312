import { APIError } from "better-auth/api";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { authError, callAuth } from "./auth-errors";

describe("the auth library's errors", () => {
  it("turns a refused sign-in into one answer that never says whether the account exists", async () => {
    for (const code of ["INVALID_EMAIL_OR_PASSWORD", "USER_NOT_FOUND"]) {
      const refused = callAuth("sign-in", () => Promise.reject(new APIError("UNAUTHORIZED", { code, message: code })));
      await expect(refused).rejects.toMatchObject({ code: "invalid_input", message: "Email or password is incorrect." });
    }
  });

  it("answers a refused sign-up vaguely, and a wrong current password on its field", () => {
    const signUp = authError("sign-up", new APIError("UNPROCESSABLE_ENTITY", { code: "USER_ALREADY_EXISTS", message: "User already exists" }));
    expect(signUp).toBeInstanceOf(AppError);
    expect(signUp).toMatchObject({ code: "conflict" });
    expect((signUp as AppError).message).not.toMatch(/already exists/);
    const change = authError("change-password", new APIError("BAD_REQUEST", { code: "INVALID_PASSWORD", message: "Invalid password" }));
    expect(change).toMatchObject({ code: "invalid_input", fieldErrors: { currentPassword: ["The current password is not right."] } });
  });

  it("lets the library's failures and every other error through unchanged", async () => {
    const failed = new APIError("INTERNAL_SERVER_ERROR", { message: "Failed to create session" });
    expect(authError("sign-in", failed)).toBe(failed);
    const down = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    await expect(callAuth("sign-in", () => Promise.reject(down))).rejects.toBe(down);
    expect(await callAuth("sign-up", async () => "created")).toBe("created");
  });
});
