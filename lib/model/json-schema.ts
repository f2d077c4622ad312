import { z } from "zod";
import { modelSchema } from "./schema";

// The model format as JSON Schema, generated from the one zod schema that validates models, so
// editors can check a model file as it is typed (YAML language servers read JSON Schema). Rules
// that span several fields (one descriptor per scale level, one home per practice) are checked
// when the model is loaded or uploaded.

export const MODEL_SCHEMA_URL = "/model-schema.json";

export function modelJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(modelSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
    title: "Stave maturity model",
    description: "A maturity model for Stave (content/models/*.yaml): a scale, areas and one question per practice, each with a descriptor per level.",
  };
}
