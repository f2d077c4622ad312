import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { modelJsonSchema } from "./json-schema";

describe("the model format as JSON Schema", () => {
  it("is the one public/model-schema.json serves (run npm run models:schema after changing the format)", () => {
    const served = JSON.parse(readFileSync(path.join(process.cwd(), "public", "model-schema.json"), "utf8"));
    expect(served).toEqual(JSON.parse(JSON.stringify(modelJsonSchema())));
  });

  it("describes what a model file must hold, question by question", () => {
    const schema = modelJsonSchema() as {
      required: string[];
      properties: { areas: { items: { properties: { questions: { items: { required: string[]; properties: Record<string, unknown> } } } } } };
    };
    expect(schema.required).toEqual(expect.arrayContaining(["id", "version", "name", "scale", "areas"]));
    const question = schema.properties.areas.items.properties.questions.items;
    expect(question.required).toEqual(expect.arrayContaining(["id", "title", "prompt", "why", "levels", "next"]));
    expect(Object.keys(question.properties)).toEqual(
      expect.arrayContaining(["practices", "evidence", "replaces", "coverage", "references", "criteria", "mappings"]),
    );
  });
});
