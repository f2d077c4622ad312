import { describe, expect, it } from "vitest";
import { compareVersions, newestVersion } from "./version";

describe("model versions", () => {
  it("orders by major, minor and patch as numbers, not as text", () => {
    expect(compareVersions("1.10.0", "1.9.0")).toBeGreaterThan(0);
    expect(compareVersions("1.1.0", "1.0.9")).toBeGreaterThan(0);
    expect(compareVersions("2.0.0", "10.0.0")).toBeLessThan(0);
    expect(compareVersions("1.1.0", "1.1.0")).toBe(0);
  });

  it("finds the newest, whichever was stored first", () => {
    expect(newestVersion([{ version: "1.1.0" }, { version: "1.10.0" }, { version: "1.2.0" }])).toEqual({ version: "1.10.0" });
    expect(newestVersion([])).toBeUndefined();
  });
});
