import { describe, expect, it } from "vitest";
import { isProductionEnvironment } from "./environment";

describe("isProductionEnvironment", () => {
  it("counts names whose words say production, and not those that only contain it", () => {
    const names = [
      "production",
      "Prod",
      "prod-eu-1",
      "eu/production",
      "live",
      "preprod",
      "pre-prod",
      "non-prod",
      "staging",
      "prod-staging",
      "test",
      "",
      "producer",
    ];
    expect(names.filter(isProductionEnvironment)).toEqual(["production", "Prod", "prod-eu-1", "eu/production", "live"]);
  });
});
