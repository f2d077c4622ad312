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

/** Blank means the import choice's own id, version or name. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value);

/** The choices of a SAMM import: which SAMM level becomes an area, and the model's id, version and name. */
export const importSammSchema = z.object({
  areas: z.enum(["functions", "practices"], "Choose whether areas are SAMM's business functions or its practices."),
  id: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(80, "An id can be at most 80 characters.")
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Write the id in lower-case kebab-case (a-z, 0-9 and single hyphens), such as owasp-samm.")
      .optional(),
  ),
  version: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+\.\d+\.\d+$/, "Write the version as a semantic version such as 2.2.0.")
      .optional(),
  ),
  name: z.preprocess(blankToUndefined, z.string().max(80, "A name can be at most 80 characters.").optional()),
});
export type ImportSammInput = z.infer<typeof importSammSchema>;
