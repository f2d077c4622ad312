import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { API_OPERATIONS } from "./operations";

describe("the API's OpenAPI document", () => {
  const document = openApiDocument("https://stave.example");

  it("is valid OpenAPI 3.1 by a validator of the specification's own schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every operation with its contract, token security and problem answers", () => {
    expect(Object.keys(document.paths).sort()).toEqual([...API_OPERATIONS.map((op) => op.path), "/events"].sort());
    for (const op of API_OPERATIONS) {
      const get = document.paths[op.path]!.get as { responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }> };
      expect(get.responses[200]!.content!["application/json"]!.schema.$ref).toBe(`#/components/schemas/${op.schemaName}`);
      expect(get.responses[401]!.content!["application/problem+json"]).toBeDefined();
      expect(document.components.schemas[op.schemaName]).toMatchObject({ type: "object" });
    }
    expect(document.servers).toEqual([{ url: "https://stave.example/api/v1" }]);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents sending delivery events: Stave's own format, the scope it needs and its problems", () => {
    const post = document.paths["/events"]!.post as {
      requestBody: { content: Record<string, { schema: { $ref: string } }> };
      responses: Record<string, unknown>;
    };
    expect(post.requestBody.content["application/json"]!.schema.$ref).toBe("#/components/schemas/DeliveryEvents");
    expect(Object.keys(post.responses)).toEqual(["200", "400", "401", "403", "413", "429"]);
    expect(JSON.stringify(document.components.schemas.DeliveryEvents)).toContain("incident.detected");
    expect(JSON.stringify(post)).toContain("events:write");
  });

  it("names paged lists' limit and cursor, and every path parameter", () => {
    const teams = document.paths["/teams"]!.get as { parameters: { name: string; in: string }[] };
    expect(teams.parameters.map((p) => p.name)).toEqual(["limit", "cursor"]);
    for (const op of API_OPERATIONS) {
      const names = ((document.paths[op.path]!.get as { parameters: { name: string; in: string }[] }).parameters ?? [])
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      expect(names).toEqual([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    }
  });
});
