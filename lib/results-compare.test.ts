import { describe, expect, it } from "vitest";
import { comparable } from "./results-compare";

describe("which earlier assessments a result may be compared with", () => {
  const at = (id: string, modelId: string, iso: string) => ({ assessmentId: id, modelId, submittedAt: new Date(iso) });
  const scored = [
    at("a", "core", "2026-01-10T10:00:00Z"),
    at("b", "samm", "2026-02-10T10:00:00Z"),
    at("c", "core", "2026-03-10T10:00:00Z"),
    at("d", "core", "2026-04-10T10:00:00Z"),
  ];

  it("lists the same model's earlier ones, newest first, as ISO moments", () => {
    expect(comparable(scored, "core", "2026-04-10T10:00:00.000Z")).toEqual([
      { id: "c", submittedAt: "2026-03-10T10:00:00.000Z" },
      { id: "a", submittedAt: "2026-01-10T10:00:00.000Z" },
    ]);
  });

  it("leaves out the result itself, later ones and other models", () => {
    expect(comparable(scored, "core", "2026-01-10T10:00:00.000Z")).toEqual([]);
    expect(comparable(scored, "samm", "2026-12-01T00:00:00.000Z").map((e) => e.id)).toEqual(["b"]);
  });
});
