import { describe, expect, it } from "vitest";
import { historyPart, parentsFirst } from "./history";

const groups = [
  { id: "t1", name: "Tribe", parentId: "d1" },
  { id: "d1", name: "Department", parentId: null },
  { id: "t2", name: "Another tribe", parentId: "d1" },
  { id: "lab", name: "Lab", parentId: null },
];
const teams = [
  { id: "a", name: "Zeta", groupId: "t1" },
  { id: "b", name: "alpha", groupId: "t2" },
  { id: "c", name: "Beta", groupId: null },
  { id: "d", name: "Gamma", groupId: "lab" },
];

describe("which groups and teams a history takes", () => {
  it("orders groups parents first, siblings by name", () => {
    expect(parentsFirst(groups).map((g) => g.id)).toEqual(["d1", "t2", "t1", "lab"]);
  });

  it("takes every group and team of the organisation, teams by name", () => {
    const part = historyPart(groups, teams, { kind: "organisation" });
    expect(part.teams.map((t) => t.id)).toEqual(["b", "c", "d", "a"]);
    expect(part.groups).toHaveLength(4);
  });

  it("takes a group's groups and teams inside it, and the groups above it", () => {
    const part = historyPart(groups, teams, { kind: "group", id: "t1" });
    expect(part.teams.map((t) => t.id)).toEqual(["a"]);
    expect(part.groups.map((g) => g.id)).toEqual(["d1", "t1"]);
    expect(historyPart(groups, teams, { kind: "group", id: "d1" }).teams.map((t) => t.id)).toEqual(["b", "a"]);
  });

  it("takes a team with the groups above it, or none when it sits in no group", () => {
    expect(historyPart(groups, teams, { kind: "team", id: "b" }).groups.map((g) => g.id)).toEqual(["d1", "t2"]);
    expect(historyPart(groups, teams, { kind: "team", id: "c" })).toEqual({ groups: [], teams: [teams[2]] });
  });
});
