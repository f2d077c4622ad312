import { describe, expect, it } from "vitest";
import { conditionCount } from "./conditions";

describe("conditionCount", () => {
  it("counts each sentence as one condition", () => {
    expect(conditionCount("CI runs on every push. A failed run blocks the merge.")).toBe(2);
  });

  it("counts clauses joined by a semicolon or by ', and' as further conditions", () => {
    expect(conditionCount("Rules live in code; they change through review, and stale ones are removed.")).toBe(3);
  });

  it("does not split lists of nouns or abbreviations such as 'e.g.' without a capital after them", () => {
    expect(conditionCount("Logs, metrics and traces are kept, e.g. for a year.")).toBe(1);
  });
});
