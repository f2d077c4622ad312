import { describe, expect, it } from "vitest";
import { landingOrder, landingPage, whoCanAddYou } from "./landing";

const team = (name: string, mine = false) => ({ id: name.toLowerCase().replace(/\s+/g, "-"), name, mine });

describe("the landing order", () => {
  it("puts the person's own teams first, then the rest, each by name", () => {
    const teams = [team("Alpha"), team("search", true), team("Billing"), team("Payments", true), team("Zürich")];
    expect(landingOrder(teams).map((t) => t.name)).toEqual(["Payments", "search", "Alpha", "Billing", "Zürich"]);
  });

  it("orders names as people read them: case and accents aside, numbers by value", () => {
    const teams = [team("team 10"), team("Team 2"), team("Émeraude"), team("eagle")];
    expect(landingOrder(teams).map((t) => t.name)).toEqual(["eagle", "Émeraude", "Team 2", "team 10"]);
  });

  it("keeps the order of a person in no team by name alone", () => {
    expect(landingOrder([team("b"), team("a")]).map((t) => t.name)).toEqual(["a", "b"]);
  });
});

describe("a page of the landing list", () => {
  const many = Array.from({ length: 55 }, (_, i) => team(`Fleet ${String(i + 1).padStart(2, "0")}`, i + 1 === 37));

  it("lists a small organisation in one page, own teams first", () => {
    const page = landingPage([team("Alpha"), team("Beta", true)], { page: 1 }, 50);
    expect(page).toEqual({ rows: [team("Beta", true), team("Alpha")], found: 2, paged: false });
  });

  it("pages a large one with the person's own teams at the top of the first page", () => {
    const first = landingPage(many, { page: 1 }, 50);
    expect(first.paged).toBe(true);
    expect(first.found).toBe(55);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.name).toBe("Fleet 37");
    expect(first.rows[1]!.name).toBe("Fleet 01");
    expect(first.rows.filter((t) => t.name === "Fleet 37")).toHaveLength(1);
    expect(landingPage(many, { page: 2 }, 50).rows.map((t) => t.name)).toEqual(["Fleet 51", "Fleet 52", "Fleet 53", "Fleet 54", "Fleet 55"]);
    expect(landingPage(many, { page: 3 }, 50).rows).toEqual([]);
  });

  it("finds teams by name, still own teams first, and pages the search", () => {
    const found = landingPage(many, { find: "fleet 3", page: 1 }, 50);
    expect(found.rows.map((t) => t.name)).toEqual(["Fleet 37", ...[0, 1, 2, 3, 4, 5, 6, 8, 9].map((n) => `Fleet 3${n}`)]);
    expect(found).toMatchObject({ found: 10, paged: true });
    expect(landingPage([team("Alpha")], { find: "zzz", page: 1 }, 50)).toEqual({ rows: [], found: 0, paged: true });
  });
});

describe("who can add a person in no team", () => {
  it("names the organisation's owners and admins", () => {
    expect(whoCanAddYou(["Ana Owner", "Bo Admin"])).toBe("Ask Ana Owner or Bo Admin to add you to your team.");
    expect(whoCanAddYou(["Ana Owner"])).toBe("Ask Ana Owner to add you to your team.");
    expect(whoCanAddYou(["A", "B", "C"])).toBe("Ask A, B or C to add you to your team.");
  });

  it("names three and counts the rest", () => {
    expect(whoCanAddYou(["A", "B", "C", "D"])).toBe("Ask A, B, C or another owner or admin to add you to your team.");
    expect(whoCanAddYou(["A", "B", "C", "D", "E"])).toBe("Ask A, B, C or one of the 2 other owners and admins to add you to your team.");
  });

  it("says nothing when there is nobody to name", () => {
    expect(whoCanAddYou([])).toBeUndefined();
  });
});
