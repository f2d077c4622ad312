import { describe, expect, it } from "vitest";
import { namedFrameworks } from "./frameworks";

describe("namedFrameworks", () => {
  it("lists the frameworks a question names in a fixed order, leaving out empty and missing ones", () => {
    expect(namedFrameworks({ cis: ["11 Data recovery"], dora: ["Continuous integration"], slsa: [] })).toEqual([
      { name: "DORA capabilities", entries: ["Continuous integration"] },
      { name: "CIS Controls", entries: ["11 Data recovery"] },
    ]);
  });

  it("is empty for a question without mappings", () => {
    expect(namedFrameworks(undefined)).toEqual([]);
  });
});
