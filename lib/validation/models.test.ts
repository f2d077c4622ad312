import { describe, expect, it } from "vitest";
import { importSammSchema } from "./models";

describe("importSammSchema", () => {
  it("takes the choice with its id, version and name, and reads blanks as the choice's own", () => {
    expect(importSammSchema.parse({ areas: "practices", id: " samm-lite ", version: "2.2.1", name: " SAMM lite " })).toEqual({
      areas: "practices",
      id: "samm-lite",
      version: "2.2.1",
      name: "SAMM lite",
    });
    expect(importSammSchema.parse({ areas: "functions", id: "", version: " ", name: undefined })).toEqual({ areas: "functions" });
  });

  it("says what is wrong with an id, a version or a missing choice", () => {
    const messages = (input: unknown) => importSammSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages({ areas: "functions", id: "OWASP SAMM", version: "2.2" })).toEqual([
      "id: Write the id in lower-case kebab-case (a-z, 0-9 and single hyphens), such as owasp-samm.",
      "version: Write the version as a semantic version such as 2.2.0.",
    ]);
    expect(messages({})).toEqual(["areas: Choose whether areas are SAMM's business functions or its practices."]);
  });
});
