import { describe, expect, it } from "vitest";
import { saveSsoSchema, ssoSignInSchema } from "./sso";

const valid = { issuer: "https://login.example.com", clientId: "stave", clientSecret: "x", domains: "example.com" };
const messages = (input: Record<string, unknown>) => {
  const parsed = saveSsoSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("single sign-on settings as typed", () => {
  it("reads a full form: domains, defaults, mapping rows, the switch", () => {
    const parsed = saveSsoSchema.parse({
      ...valid,
      domains: "Example.com, example.org",
      mapGroup: ["stave-admins", "", "coaches"],
      mapRole: ["admin", "member", "facilitator"],
      passwordSignInOff: "on",
    });
    expect(parsed).toMatchObject({
      domains: ["example.com", "example.org"],
      groupsClaim: "groups",
      defaultRole: "member",
      passwordSignInOff: true,
      mapping: [
        { group: "stave-admins", role: "admin" },
        { group: "coaches", role: "facilitator" },
      ],
    });
    expect(saveSsoSchema.parse({ ...valid, mapGroup: "one", mapRole: "viewer" }).mapping).toEqual([{ group: "one", role: "viewer" }]);
  });

  it("says what is wrong with each field", () => {
    expect(messages({ ...valid, issuer: "login.example.com" })).toEqual([expect.stringMatching(/full https:\/\/ address/)]);
    expect(messages({ ...valid, issuer: "ftp://login.example.com" })).toEqual([expect.stringMatching(/full https:\/\/ address/)]);
    expect(messages({ ...valid, issuer: "http://127.0.0.1:3451" })).toEqual([]);
    expect(messages({ ...valid, clientId: " " })).toEqual(["Enter the client ID your identity provider gave Stave."]);
    expect(messages({ ...valid, domains: "" })).toEqual([expect.stringMatching(/at least one e-mail domain/)]);
    expect(messages({ ...valid, domains: "example.com, not a domain!" })).toEqual([expect.stringMatching(/Not an e-mail domain: not, a, domain!/)]);
    expect(messages({ ...valid, mapGroup: ["a", "a"], mapRole: ["admin", "viewer"] })).toEqual(['The group "a" is mapped twice.']);
    expect(messages({ ...valid, mapGroup: ["a"], mapRole: ["owner"] })).toEqual(['Choose a role for the group "a".']);
    expect(messages({ ...valid, defaultRole: "owner" })).toEqual(["Choose the role for people in none of the groups."]);
    expect(messages({ ...valid, groupsClaim: "my groups" })).toEqual([expect.stringMatching(/claim name/)]);
    expect(messages({ ...valid, clientId: "a\u0000b" })).toEqual([expect.stringMatching(/NUL/)]);
  });

  it("reads a work address for signing in", () => {
    expect(ssoSignInSchema.parse({ email: " Ann@Example.com " }).email).toBe("ann@example.com");
    expect(ssoSignInSchema.safeParse({ email: "ann" }).success).toBe(false);
  });
});
