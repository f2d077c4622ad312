import { z } from "zod";
import { storableText } from "./text";

/** The largest model text taken: far above a real model (DevOps Extended is about 250 KB), far below what would slow the server. */
export const MODEL_SOURCE_MAX = 900_000;
export const MODEL_SOURCE_MAX_LABEL = "900 KB";

export const modelUploadSchema = z.object({
  source: storableText("The model", "Paste the model's YAML, or choose its file.").pipe(
    z
      .string()
      .trim()
      .min(1, "Paste the model's YAML, or choose its file.")
      .max(MODEL_SOURCE_MAX, `A model file can be at most ${MODEL_SOURCE_MAX_LABEL}; this one is larger.`),
  ),
  intent: z.enum(["check", "publish"], "Choose to check the model or to publish it."),
});
