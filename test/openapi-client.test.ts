import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/contracts/openapi";
import { API_OPERATIONS } from "@/lib/contracts/operations";

// A client generated from the served document must type exactly what each contract says, so the
// document cannot drift from the API: the generated types and the zod contracts are held to each
// other, both ways, by the TypeScript compiler.
const root = path.resolve(__dirname, "..");
const dir = mkdtempSync(path.join(root, "test", ".openapi-client-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const contractTypes: Record<string, { file: string; type: string }> = {
  Organisation: { file: "organisation", type: "OrganisationResource" },
  TeamList: { file: "organisation", type: "TeamListResource" },
  Trend: { file: "trend", type: "TrendContract" },
  Assessment: { file: "results", type: "Results" },
  Dashboard: { file: "dashboard", type: "DashboardResource" },
  ModelList: { file: "models", type: "ModelList" },
  ModelVersion: { file: "models", type: "ModelVersionResource" },
  WorkshopReport: { file: "workshop", type: "WorkshopReportResource" },
  History: { file: "history", type: "History" },
  TeamDelivery: { file: "delivery", type: "TeamDeliveryContract" },
};

describe("a client generated from the OpenAPI document", () => {
  it("types every answer exactly as its contract, and reads a team's trend with openapi-fetch", async () => {
    const ast = await openapiTS(JSON.parse(JSON.stringify(openApiDocument("http://localhost"))));
    writeFileSync(path.join(dir, "api.d.ts"), astToString(ast));
    expect(Object.keys(contractTypes).sort()).toEqual(API_OPERATIONS.map((op) => op.schemaName).sort());

    const checks = API_OPERATIONS.map((op, i) => {
      const { file, type } = contractTypes[op.schemaName]!;
      return [
        `import type { ${type} as Contract${i} } from "../../lib/contracts/${file}";`,
        `type Served${i} = paths["${op.path}"]["get"]["responses"][200]["content"]["application/json"];`,
        `export const served${i}: Served${i} = null as unknown as Contract${i};`,
        `export const contract${i}: Contract${i} = null as unknown as Served${i};`,
      ].join("\n");
    });
    writeFileSync(
      path.join(dir, "use.ts"),
      [
        `import createClient from "openapi-fetch";`,
        `import type { paths } from "./api";`,
        ...checks,
        `const client = createClient<paths>({ baseUrl: "http://localhost/api/v1" });`,
        `export async function waterLevels(teamId: string): Promise<(number | null)[]> {`,
        `  const { data, error } = await client.GET("/teams/{teamId}/trend", { params: { path: { teamId } } });`,
        `  if (error) throw new Error(error.detail);`,
        `  return data.points.map((p) => p.waterLevel);`,
        `}`,
      ].join("\n"),
    );
    const tsc = path.join(root, "node_modules", ".bin", "tsc");
    const args = [
      "--noEmit",
      "--strict",
      "--skipLibCheck",
      "--target",
      "ES2022",
      "--module",
      "esnext",
      "--moduleResolution",
      "bundler",
      "--noUncheckedIndexedAccess",
      path.join(dir, "use.ts"),
    ];
    let output = "";
    try {
      execFileSync(tsc, args, { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe("");
  }, 120_000);

  it("would catch a contract the document no longer matches", async () => {
    // The check above must be able to fail: a contract type that is not the served one is refused.
    writeFileSync(
      path.join(dir, "drift.ts"),
      `import type { paths } from "./api";\nexport const x: paths["/teams"]["get"]["responses"][200]["content"]["application/json"] = { items: [], nextCursor: 3 };\n`,
    );
    const tsc = path.join(root, "node_modules", ".bin", "tsc");
    let failed = false;
    try {
      execFileSync(tsc, ["--noEmit", "--strict", "--skipLibCheck", "--moduleResolution", "bundler", "--module", "esnext", path.join(dir, "drift.ts")], {
        stdio: "pipe",
      });
    } catch {
      failed = true;
    }
    expect(failed).toBe(true);
  }, 120_000);
});
