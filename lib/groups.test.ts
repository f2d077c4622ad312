import { describe, expect, it } from "vitest";
import { flattenGroups, groupAndDescendants, groupPath, groupPathName, placementProblem, teamsInFilter, type GroupNode } from "./groups";

const groups: GroupNode[] = [
  { id: "eng", name: "Engineering", parentId: null },
  { id: "ops", name: "Operations", parentId: null },
  { id: "plat", name: "Platform", parentId: "eng" },
  { id: "apps", name: "Apps", parentId: "eng" },
  { id: "data", name: "Data", parentId: "plat" },
  { id: "lake", name: "Lake", parentId: "data" },
];

describe("groups", () => {
  it("walks paths and subtrees", () => {
    expect(groupPath(groups, "data").map((g) => g.id)).toEqual(["eng", "plat", "data"]);
    expect(groupPath(groups, "nope")).toEqual([]);
    expect(groupPathName(groups, "plat")).toBe("Engineering › Platform");
    expect([...groupAndDescendants(groups, "eng")].sort()).toEqual(["apps", "data", "eng", "lake", "plat"]);
    expect([...groupAndDescendants(groups, "ops")]).toEqual(["ops"]);
  });

  it("lists groups in tree order with siblings by name", () => {
    expect(flattenGroups(groups).map(({ group, depth }) => `${depth}:${group.id}`)).toEqual(["0:eng", "1:apps", "1:plat", "2:data", "3:lake", "0:ops"]);
  });

  it("refuses cycles, unknown parents and nesting deeper than four levels", () => {
    expect(placementProblem(groups, "eng", "data")).toMatch(/inside itself or inside one of its own/);
    expect(placementProblem(groups, "eng", "eng")).toMatch(/inside itself/);
    expect(placementProblem(groups, undefined, "missing")).toMatch(/not found/);
    expect(placementProblem(groups, undefined, "data")).toBeUndefined(); // a fourth level
    expect(placementProblem(groups, undefined, "lake")).toMatch(/at most 4 levels deep; this would make 5/);
    expect(placementProblem(groups, "plat", "ops")).toBeUndefined(); // plat, data, lake under ops: 4 levels
    expect(placementProblem(groups, "eng", "ops")).toMatch(/this would make 5/);
    expect(placementProblem(groups, "data", null)).toBeUndefined();
  });

  it("lists the teams of a filter: all, those in no group, or a group's with the groups inside it", () => {
    const teams = [
      { id: "t1", groupId: "data" },
      { id: "t2", groupId: null },
      { id: "t3", groupId: "ops" },
      { id: "t4", groupId: "plat" },
    ];
    const ids = (filter: string) => teamsInFilter(teams, groups, filter).map((t) => t.id);
    expect(ids("all")).toEqual(["t1", "t2", "t3", "t4"]);
    expect(ids("none")).toEqual(["t2"]);
    expect(ids("plat")).toEqual(["t1", "t4"]);
    expect(ids("ops")).toEqual(["t3"]);
    expect(ids("missing")).toEqual([]);
  });
});
