import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyHistory } from "../test-history";
import { HISTORY_FORMAT_VERSION, historyJsonSchema, historySchema } from "./history";

describe("the history export format", () => {
  it("is the one public/history-schema.json serves (run npm run models:schema after changing the format)", () => {
    const served = JSON.parse(readFileSync(path.join(process.cwd(), "public", "history-schema.json"), "utf8"));
    expect(served).toEqual(JSON.parse(JSON.stringify(historyJsonSchema())));
  });

  it("names its format version, and refuses another", () => {
    const empty = emptyHistory();
    expect(historySchema.safeParse(empty).success).toBe(true);
    expect(historySchema.safeParse({ ...empty, formatVersion: HISTORY_FORMAT_VERSION + 1 }).success).toBe(false);
    const schema = historyJsonSchema() as { required: string[]; properties: { formatVersion: { const: number } } };
    expect(schema.required).toEqual(expect.arrayContaining(["formatVersion", "teams", "assessments", "modelVersions"]));
    expect(schema.properties.formatVersion.const).toBe(HISTORY_FORMAT_VERSION);
  });
});
