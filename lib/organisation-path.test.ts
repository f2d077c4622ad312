import { describe, expect, it } from "vitest";
import { equivalentPath, localPath, SWITCH_FALLBACK } from "./organisation-path";

const teamId = "0b8a3c1e-4f1d-4c55-9a5e-2f2b8c0d1e11";

describe("the page a switch of organisation keeps", () => {
  it("keeps pages that exist in every organisation", () => {
    expect(equivalentPath("/dashboard", "viewer")).toBe("/dashboard");
    expect(equivalentPath("/dashboard/report", "member")).toBe("/dashboard/report");
    expect(equivalentPath("/desk", "viewer")).toBe("/desk");
    expect(equivalentPath("/workshops", "facilitator")).toBe("/workshops");
    expect(equivalentPath("/teams/", "member")).toBe("/teams");
  });

  it("goes to the section's list from a page of something in the old organisation", () => {
    expect(equivalentPath(`/teams/${teamId}`, "member")).toBe("/teams");
    expect(equivalentPath(`/teams/${teamId}/assessments/${teamId}/results`, "viewer")).toBe("/teams");
    expect(equivalentPath(`/workshops/${teamId}/report`, "facilitator")).toBe("/workshops");
    expect(equivalentPath("/models/acme-delivery", "viewer")).toBe("/models");
    expect(equivalentPath("/groups/anything", "admin")).toBe("/groups");
  });

  it("drops the query, which names groups and teams of the old organisation", () => {
    expect(equivalentPath(`/dashboard?group=${teamId}&model=devops-core`, "owner")).toBe("/dashboard");
    expect(equivalentPath("/teams#archived", "owner")).toBe("/teams");
  });

  it("never keeps a page the role in the other organisation may not see", () => {
    expect(equivalentPath("/members", "owner")).toBe("/members");
    expect(equivalentPath("/members", "viewer")).toBe(SWITCH_FALLBACK);
    expect(equivalentPath("/audit", "facilitator")).toBe(SWITCH_FALLBACK);
    expect(equivalentPath("/api-tokens", "admin")).toBe("/api-tokens");
    expect(equivalentPath("/organisation", "member")).toBe(SWITCH_FALLBACK);
    expect(equivalentPath("/models/new", "member")).toBe("/models");
    expect(equivalentPath("/groups/x", "member")).toBe(SWITCH_FALLBACK);
  });

  it("sends unknown, missing and foreign paths to the fallback", () => {
    for (const path of [undefined, "", "/", "/invite/abc", "https://evil.example/teams", "//evil.example/teams", "/\\evil.example", "teams", "/sign-in"]) {
      expect(equivalentPath(path, "owner")).toBe(SWITCH_FALLBACK);
    }
  });
});

describe("a desk link into an organisation", () => {
  it("accepts only Stave's own paths to land on", () => {
    expect(localPath(`/workshops/${teamId}/report?x=1`)).toBe(`/workshops/${teamId}/report`);
    expect(localPath("//evil.example")).toBeUndefined();
    expect(localPath("https://evil.example")).toBeUndefined();
  });
});
