import { describe, expect, it } from "vitest";
import { createdSummary, joinedSummary, joinSentence, teamsPhrase } from "./invitation-text";

describe("an invitation in words", () => {
  it("says whom the invitation page's visitor will join, as what and in which teams", () => {
    expect(joinSentence("Acme", "member", ["Payments", "Search"])).toBe("You will join Acme as a member, in the teams Payments and Search.");
    expect(joinSentence("Acme", "admin", ["Payments"])).toBe("You will join Acme as an admin, in the team Payments.");
    expect(joinSentence("Acme", "viewer", [])).toBe("You will join Acme as a viewer.");
  });

  it("names the teams, quoted for the audit log", () => {
    expect(teamsPhrase([])).toBe("");
    expect(teamsPhrase(["Payments"])).toBe("the team Payments");
    expect(teamsPhrase(["A", "B", "C"], { quoted: true })).toBe("the teams “A”, “B” and “C”");
  });

  it("records creating and accepting one with its teams", () => {
    expect(createdSummary("member", [])).toBe("Created an invitation link for the role Member");
    expect(createdSummary("member", ["Payments", "Search"])).toBe("Created an invitation link for the role Member, joining the teams “Payments” and “Search”");
    expect(joinedSummary("facilitator", [])).toBe("Joined by invitation as Facilitator");
    expect(joinedSummary("member", ["Payments"])).toBe("Joined by invitation as Member, in the team “Payments”");
  });
});
