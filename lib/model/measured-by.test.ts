import { describe, expect, it } from "vitest";
import { parseModel } from "./parse";

const FILE = "content/models/mini.yaml";

/** A three-level model whose one question is measured as given (YAML flow mapping). */
const model = (measuredBy: string) =>
  [
    "id: mini",
    "version: 1.0.0",
    "name: Mini",
    "scale: [{ value: 1, label: Low }, { value: 2, label: Mid }, { value: 3, label: High }]",
    "areas:",
    "  - id: ship",
    "    name: Ship",
    "    summary: How we ship.",
    "    questions:",
    "      - id: ship-often",
    "        title: Deploying",
    "        prompt: How often?",
    "        why: Small batches.",
    "        levels: [Rarely, Weekly, Daily]",
    "        next: [Weekly, Daily]",
    `        measured_by: ${measuredBy}`,
    "",
  ].join("\n");

const messages = (measuredBy: string) => {
  const result = parseModel(model(measuredBy), FILE);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe("a question's measured_by", () => {
  it("takes a metric and a threshold per level above the lowest", () => {
    const result = parseModel(model("{ metric: deployment-frequency, thresholds: [1, 5] }"), FILE);
    expect(result.ok && result.model.areas[0]!.questions[0]!.measured_by).toEqual({ metric: "deployment-frequency", thresholds: [1, 5] });
    expect(messages("{ metric: change-lead-time, thresholds: [168, 24] }")).toEqual([]);
  });

  it("refuses a threshold list of the wrong length", () => {
    expect(messages("{ metric: deployment-frequency, thresholds: [1, 5, 15] }")).toEqual([
      "areas[0].questions[0].measured_by.thresholds: needs exactly 2 thresholds (one per level above the lowest), found 3",
    ]);
  });

  it("refuses thresholds out of order for the metric's direction", () => {
    expect(messages("{ metric: deployment-frequency, thresholds: [5, 1] }")).toEqual([
      "areas[0].questions[0].measured_by.thresholds[1]: deployment-frequency is better higher, so each level's threshold must be higher than the one below (1 after 5 deployments a week)",
    ]);
    expect(messages("{ metric: change-fail-rate, thresholds: [0.15, 0.15] }")).toEqual([
      "areas[0].questions[0].measured_by.thresholds[1]: change-fail-rate is better lower, so each level's threshold must be lower than the one below (0.15 after 0.15 share of deployments (0 to 1))",
    ]);
  });

  it("refuses an unknown metric and a negative threshold", () => {
    expect(messages("{ metric: uptime, thresholds: [1, 5] }")).toEqual([
      "areas[0].questions[0].measured_by.metric: must be one of deployment-frequency, change-lead-time, change-fail-rate, failed-deployment-recovery-time, rework-rate",
    ]);
    expect(messages("{ metric: change-lead-time, thresholds: [-1, -2] }")[0]).toMatch(/thresholds\[0\]: must not be negative/);
  });
});
