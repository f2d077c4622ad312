import { writeFileSync } from "node:fs";
import path from "node:path";
import { modelJsonSchema } from "@/lib/model/json-schema";

// Writes the model format as JSON Schema to public/model-schema.json, where the app serves it.
const file = path.join(process.cwd(), "public", "model-schema.json");
writeFileSync(file, `${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
