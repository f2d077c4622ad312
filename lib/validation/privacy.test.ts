import { describe, expect, it } from "vitest";
import { privacySchema } from "./organisation";

describe("the privacy settings form", () => {
  it("takes one of the two choices and a whole k of at least three", () => {
    expect(privacySchema.parse({ teamResults: "team", minTeams: "4" })).toEqual({ teamResults: "team", minTeams: 4 });
    expect(privacySchema.safeParse({ teamResults: "team", minTeams: "2" }).error?.issues[0]?.message).toMatch(/At least 3 teams/);
    expect(privacySchema.safeParse({ teamResults: "team", minTeams: "3.5" }).success).toBe(false);
    expect(privacySchema.safeParse({ teamResults: "everyone", minTeams: "3" }).success).toBe(false);
  });
});
