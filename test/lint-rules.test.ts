import { ESLint } from "eslint";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// The lint rules hold conventions only if they fire: each snippet is linted as if it lived at the
// given path, with the project's own eslint.config.mjs.
const eslint = new ESLint({ cwd: path.resolve(__dirname, "..") });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe("lint rules", () => {
  // Loading the config and the TypeScript parser takes seconds on a busy machine: do it under the hook's timeout.
  beforeAll(() => eslint.lintText("", { filePath: "lib/warm-up.ts" }));

  it("refuse process.env outside lib/env.ts, and allow it there", async () => {
    const read = `export const url = process.env.DATABASE_URL;\n`;
    expect(await rulesBroken("app/teams/page.tsx", read)).toEqual(["no-restricted-properties"]);
    expect(await rulesBroken("db/queries/teams.ts", `const { env } = process;\nexport const e = env;\n`)).toEqual(["no-restricted-properties"]);
    expect(await rulesBroken("lib/env.ts", read)).toEqual([]);
  });

  it("refuse a delete or an update of every row, whatever the handle is called", async () => {
    const write = (statement: string) =>
      `import { eq } from "drizzle-orm";\nimport type { Ctx } from "../context";\nimport { teams } from "../schema";\n` +
      `export async function f(ctx: Ctx, id: string) {\n  await ${statement};\n  return eq(teams.id, id);\n}\n`;
    expect(await rulesBroken("db/queries/teams.ts", write("ctx.db.delete(teams)"))).toEqual(["drizzle/enforce-delete-with-where"]);
    expect(await rulesBroken("db/queries/teams.ts", write(`ctx.db.update(teams).set({ name: "x" })`))).toEqual(["drizzle/enforce-update-with-where"]);
    expect(await rulesBroken("db/queries/teams.ts", write("tx.delete(teams).returning()"))).toEqual(["drizzle/enforce-delete-with-where"]);
    expect(await rulesBroken("db/queries/teams.ts", write("ctx.db.delete(teams).where(eq(teams.id, id))"))).toEqual([]);
    expect(await rulesBroken("lib/x.ts", `export const f = (seen: Map<string, number>) => seen.delete("a");\n`)).toEqual([]);
  });

  it("refuse imports that run uphill", async () => {
    const importing = (from: string) => `import { x } from "${from}";\nexport const y = x;\n`;
    expect(await rulesBroken("app/teams/page.tsx", importing("@/db/queries/teams"))).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("app/teams/_components/row.tsx", importing("../../../db/client"))).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("components/ui/card.tsx", importing("@/db/schema"))).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("lib/scoring.ts", importing("@/server/session"))).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("db/queries/teams.ts", importing("@/views/team"))).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("views/team.ts", importing("@/app/teams/actions"))).toEqual(["no-restricted-imports"]);
    expect(await rulesBroken("server/page.tsx", importing("@/components/ui/card"))).toEqual(["no-restricted-imports"]);
    // Downhill is fine, and so is a route's server actions reading the database.
    expect(await rulesBroken("app/teams/page.tsx", importing("@/views/teams"))).toEqual([]);
    expect(await rulesBroken("app/teams/actions.ts", importing("@/db/queries/teams"))).toEqual([]);
    expect(await rulesBroken("db/queries/teams.ts", importing("../schema"))).toEqual([]);
  });

  it("refuse unused imports and a hook called conditionally", async () => {
    expect(await rulesBroken("lib/x.ts", `import { z } from "zod";\nexport const y = 1;\n`)).toEqual(["@typescript-eslint/no-unused-vars"]);
    const hook = `import { useState } from "react";\nexport function A({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n`;
    expect(await rulesBroken("components/a.tsx", hook)).toEqual(["react-hooks/rules-of-hooks"]);
  });

  it("pass clean code", async () => {
    const clean =
      `import { env } from "@/lib/env";\nimport { listTeams } from "@/views/teams";\n\n` +
      `export default async function Page() {\n  const teams = await listTeams(env().PORT);\n  return teams.length;\n}\n`;
    expect(await rulesBroken("app/teams/page.tsx", clean)).toEqual([]);
  });
});
