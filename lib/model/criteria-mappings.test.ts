import { describe, expect, it } from "vitest";
import { miniModelYaml } from "@/test/fixtures/mini-model";
import { parseModel } from "./parse";

// A level's criteria (listed where it asks for several things at once) and a question's place in
// recognised frameworks are optional parts of the model format.

const model = (question: string) => miniModelYaml({ extra: question });

const messages = (text: string) => {
  const result = parseModel(text, "mini.yaml");
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe("criteria per level", () => {
  it("are keyed by scale value, each level listing its conditions one by one", () => {
    const result = parseModel(model("        criteria:\n          3: [Every push is built, A failed run blocks the merge]"), "mini.yaml");
    expect(result.ok && result.model.areas[0]!.questions[0]!.criteria).toEqual({ 3: ["Every push is built", "A failed run blocks the merge"] });
  });

  it("are refused for a value the scale does not have, or as a single criterion", () => {
    expect(messages(model("        criteria:\n          7: [One, Two]"))).toEqual([
      "areas[0].questions[0].criteria.7: criteria for 7, which is not a scale value",
    ]);
    expect(messages(model("        criteria:\n          2: [Only one]"))).toEqual(["areas[0].questions[0].criteria.2: list at least two criteria"]);
  });
});

describe("framework mappings", () => {
  it("name the question's place in DORA, SAMM, DSOMM, SSDF, SLSA and CIS", () => {
    const result = parseModel(
      model('        mappings:\n          dora: [Continuous integration]\n          samm: ["I-SB-A Build process"]\n          slsa: [Build L2]'),
      "mini.yaml",
    );
    expect(result.ok && result.model.areas[0]!.questions[0]!.mappings).toEqual({
      dora: ["Continuous integration"],
      samm: ["I-SB-A Build process"],
      slsa: ["Build L2"],
    });
  });

  it("refuse a framework the format does not know, so a typo is not silently dropped", () => {
    expect(messages(model("        mappings:\n          dorra: [Continuous integration]"))[0]).toMatch(/^areas\[0\]\.questions\[0\]\.mappings: .*dorra/);
  });
});
