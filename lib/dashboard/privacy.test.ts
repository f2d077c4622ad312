import { describe, expect, it } from "vitest";
import { groupsInside, mayReadTeamResults, ORGANISATION, withheldCells, withheldExplanation, type Asker, type CountedTeam, type PrivacyGroup } from "./privacy";
import { derivable, generatedOrganisation, subtractionAttack } from "@/test/privacy-attack";

const outsider: Asker = { everywhere: false, inside: new Set([ORGANISATION]), knownTeams: new Set() };
const owner: Asker = { everywhere: true, inside: new Set(), knownTeams: new Set() };

// The demo's shape: Platform (3 teams) and Product (3 teams) with Labs (2 teams) beside them.
const groups: PrivacyGroup[] = [
  { id: "labs", parentId: null },
  { id: "platform", parentId: null },
  { id: "product", parentId: null },
];
const teamsIn = (group: string | null, ...ids: string[]): CountedTeam[] => ids.map((teamId) => ({ teamId, groupId: group }));
const demo = [...teamsIn("labs", "l1", "l2"), ...teamsIn("platform", "p1", "p2", "p3"), ...teamsIn("product", "q1", "q2", "q3")];

describe("small groups", () => {
  it("withholds a group of fewer than k counted teams from people outside it, and a complementary figure with it", () => {
    const withheld = withheldCells(groups, demo, outsider, 3);
    expect(withheld.get("labs")).toBe("too-few-teams");
    // The organisation less Platform and Product would be Labs: the smaller of the two goes too.
    expect(withheld.get("platform")).toBe("complementary");
    expect(withheld.has("product")).toBe(false);
    expect(withheld.has(ORGANISATION)).toBe(false);
    expect(subtractionAttack(groups, demo, outsider, withheld, 3)).toEqual([]);
  });

  it("shows everything to owners and admins, who are inside every group", () => {
    expect(withheldCells(groups, demo, owner, 3).size).toBe(0);
  });

  it("shows a small group to its own members, but not what its figures and theirs would give away of another", () => {
    const member: Asker = { everywhere: false, inside: groupsInside(groups, ["labs"]), knownTeams: new Set(["l1"]) };
    const withheld = withheldCells(groups, demo, member, 3);
    expect(withheld.has("labs")).toBe(false);
    expect(withheld.size).toBe(0);
    expect(subtractionAttack(groups, demo, member, withheld, 3)).toEqual([]);
  });

  it("withholds the organisation when teams outside any group would be left alone by the subtraction", () => {
    const loose = [...teamsIn("platform", "p1", "p2", "p3"), ...teamsIn(null, "x1")];
    const withheld = withheldCells(groups, loose, outsider, 3);
    // Platform is the only shown part; withholding it leaves the organisation (4 teams) alone.
    expect(withheld.get("platform")).toBe("complementary");
    expect(subtractionAttack(groups, loose, outsider, withheld, 3)).toEqual([]);
  });

  it("raises k: a group of three is withheld at k = 4", () => {
    expect(withheldCells(groups, demo, outsider, 4).get("platform")).toBe("too-few-teams");
  });

  it("ignores groups without counted teams", () => {
    expect(withheldCells(groups, teamsIn("platform", "p1", "p2", "p3"), outsider, 3).size).toBe(0);
  });

  it("takes a team's own results, known to its member, off what a parent gives away", () => {
    const nested: PrivacyGroup[] = [
      { id: "eng", parentId: null },
      { id: "small", parentId: "eng" },
    ];
    const counted = [...teamsIn("eng", "e1", "e2", "e3"), ...teamsIn("small", "s1", "s2")];
    // Outside Eng but a reader of e1's results (team and leads only: a lead; or everyone).
    const reader: Asker = { everywhere: false, inside: new Set([ORGANISATION]), knownTeams: new Set(["e1", "e2", "e3"]) };
    const withheld = withheldCells(nested, counted, reader, 3);
    expect(withheld.get("small")).toBe("too-few-teams");
    expect(withheld.get("eng")).toBe("complementary");
    expect(subtractionAttack(nested, counted, reader, withheld, 3)).toEqual([]);
  });
});

describe("the subtraction attack", () => {
  it("finds nothing on any group and quarter of generated organisations, for any asker", () => {
    let checked = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const org = generatedOrganisation(seed);
      for (const { counted } of org.quarters) {
        for (const asker of org.askers) {
          for (const k of [3, 4]) {
            const withheld = withheldCells(org.groups, counted, asker, k);
            expect(subtractionAttack(org.groups, counted, asker, withheld, k), `seed ${seed}`).toEqual([]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it("finds what the old rule gave away: Labs is the organisation less Platform and Product", () => {
    const oldRule = new Map([["labs", "too-few-teams" as const]]);
    expect(subtractionAttack(groups, demo, outsider, oldRule, 3)).toContain("labs");
    expect(
      derivable(
        ["p1", "p2", "p3", "q1", "q2", "q3", "l1", "l2"],
        [
          ["p1", "p2", "p3", "q1", "q2", "q3", "l1", "l2"],
          ["p1", "p2", "p3"],
          ["q1", "q2", "q3"],
        ],
        ["l1", "l2"],
      ),
    ).toBe(true);
  });
});

describe("team results", () => {
  it("are everyone's under the organisation setting, and the team's and its leads' under the team setting", () => {
    expect(mayReadTeamResults({ teamResults: "organisation" }, { leads: false, inTeam: false })).toBe(true);
    expect(mayReadTeamResults({ teamResults: "team" }, { leads: false, inTeam: false })).toBe(false);
    expect(mayReadTeamResults({ teamResults: "team" }, { leads: false, inTeam: true })).toBe(true);
    expect(mayReadTeamResults({ teamResults: "team" }, { leads: true, inTeam: false })).toBe(true);
  });

  it("explain each withheld figure", () => {
    expect(withheldExplanation("too-few-teams", 4)).toMatch(/fewer than 4 teams/);
    expect(withheldExplanation("complementary", 3)).toMatch(/subtraction/);
  });
});

describe("groups inside", () => {
  it("are the groups of the asker's teams with their ancestors, and the organisation", () => {
    const tree = [
      { id: "a", parentId: null },
      { id: "b", parentId: "a" },
      { id: "c", parentId: null },
    ];
    expect([...groupsInside(tree, ["b", null])].sort()).toEqual(["", "a", "b"]);
  });
});
