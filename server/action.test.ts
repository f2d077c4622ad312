import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { formAction, formFields, keepValues } from "./action";
import { createInvitationSchema } from "@/lib/validation/members";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("formAction", () => {
  const schema = z.object({ email: z.email("Enter a valid email address."), password: z.string().min(10, "Use at least 10 characters.") });

  it("gives a refused form back what was typed, except passwords", async () => {
    const signIn = formAction("anyone", schema, async () => "signed in");
    const refused = await signIn(null, form({ email: "not-an-email", password: "short", currentPassword: "x", newPassword: "y", $ACTION_KEY: "k" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { email: ["Enter a valid email address."], password: ["Use at least 10 characters."] } });
    expect(!refused.ok && refused.values).toEqual({ email: "not-an-email" });
  });

  it("keeps values when the handler refuses too, and never the password", async () => {
    const signIn = formAction("anyone", schema, async () => {
      throw new AppError("invalid_input", "Email or password is incorrect.");
    });
    const refused = await signIn(null, form({ email: "a@example.com", password: "correct horse battery" }));
    expect(refused).toEqual({ ok: false, error: "Email or password is incorrect.", fieldErrors: undefined, values: { email: "a@example.com" } });
  });

  it("answers anything that is not form data with a specific invalid request", async () => {
    const create = formAction("anyone", schema, async () => "created");
    // As a replayed request would call it: a JSON argument array instead of form data.
    const result = await (create as unknown as (p: unknown, d: unknown) => ReturnType<typeof create>)(null, { email: "a@example.com" });
    expect(result).toEqual({ ok: false, error: "Invalid request: this form sends its fields as form data." });
    expect(await (create as unknown as (p: unknown) => ReturnType<typeof create>)(["x"])).toMatchObject({ ok: false, error: /Invalid request/ });
  });

  it("says an unreachable database is worth trying again", async () => {
    const down = formAction("anyone", z.object({}), async () => {
      throw Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    });
    expect(await down(null, form({}))).toMatchObject({ ok: false, error: expect.stringMatching(/cannot reach its database/), retryable: true });
  });

  it("hides an unexpected error behind the generic message, marked retryable", async () => {
    const broken = formAction("anyone", z.object({}), async () => {
      throw new Error("relation does not exist");
    });
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await broken(null, form({}))).toEqual({
        ok: false,
        error: "Something went wrong on our side. Nothing was changed; please try again.",
        retryable: true,
        values: {},
      });
    } finally {
      console.error = log;
    }
    expect(errors).toHaveLength(1);
  });
});

describe("formFields", () => {
  it("gives a field sent once as its value, and one sent several times (checkboxes) as the list", () => {
    const data = new FormData();
    data.append("role", "member");
    data.append("teamIds", "a");
    data.append("teamIds", "b");
    expect(formFields(data)).toEqual({ role: "member", teamIds: ["a", "b"] });
  });

  it("lets an invitation name no team, one or several, and refuses a malformed one with a specific message", async () => {
    const seen: unknown[] = [];
    const invite = formAction("anyone", createInvitationSchema, async (input) => void seen.push(input));
    const one = "3f1c2a9e-8d4b-4c6a-9f2e-1b7d5c3a8e01";
    const two = "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d";
    const data = (teams: string[]) => {
      const form = new FormData();
      form.append("role", "member");
      for (const id of teams) form.append("teamIds", id);
      return form;
    };
    await invite(null, data([]));
    await invite(null, data([one]));
    await invite(null, data([one, two, one]));
    expect(seen).toEqual([
      { role: "member", teamIds: [] },
      { role: "member", teamIds: [one] },
      { role: "member", teamIds: [one, two] },
    ]);
    const refused = await invite(null, data([one, "not-a-team"]));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { teamIds: ["One of the chosen teams is not a team id. Choose the teams from the list."] } });
    expect(seen).toHaveLength(3);
  });
});

describe("keepValues", () => {
  it("leaves a successful result alone", () => {
    const ok = { ok: true as const, data: 1 };
    expect(keepValues(ok, form({ password: "secret" }))).toBe(ok);
  });
});
