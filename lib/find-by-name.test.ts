import { describe, expect, it } from "vitest";
import { findByName } from "./find-by-name";

const teams = [{ name: "Payments" }, { name: "Zürich Platform" }, { name: "Data platform" }, { name: "Search" }];

describe("findByName", () => {
  it("keeps every item, in order, when nothing is looked for", () => {
    expect(findByName(teams, undefined)).toEqual(teams);
    expect(findByName(teams, "   ")).toEqual(teams);
  });

  it("finds part of a name whatever its case and accents", () => {
    expect(findByName(teams, "PLATFORM").map((t) => t.name)).toEqual(["Zürich Platform", "Data platform"]);
    expect(findByName(teams, "zurich").map((t) => t.name)).toEqual(["Zürich Platform"]);
    expect(findByName(teams, " ürich ").map((t) => t.name)).toEqual(["Zürich Platform"]);
  });

  it("finds nothing when no name has it", () => {
    expect(findByName(teams, "billing")).toEqual([]);
  });
});
