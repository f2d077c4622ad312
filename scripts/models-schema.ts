import { writeFileSync } from "node:fs";
import path from "node:path";
import { historyJsonSchema } from "@/lib/contracts/history";
import { modelJsonSchema } from "@/lib/model/json-schema";

// Writes the model format and the history export format as JSON Schema to public/, where the app serves them.
for (const [name, schema] of [
  ["model-schema.json", modelJsonSchema()],
  ["history-schema.json", historyJsonSchema()],
] as const) {
  const file = path.join(process.cwd(), "public", name);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
