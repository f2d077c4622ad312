import "server-only";
import { eq, sql } from "drizzle-orm";
import { notFoundError } from "@/lib/errors";
import { queryRows, type Db } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { members, organisations, users } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";

export type OrganisationSummary = { id: string; name: string };

/** The context's organisation, for anyone who may read its results. */
export async function getOrganisation(ctx: Ctx): Promise<OrganisationSummary> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId));
  if (!row) throw notFoundError("The organisation");
  return row;
}

// Creating an organisation happens before there is one to scope by: it takes the creator instead.

/** Creates an organisation with its creator as owner, in one transaction. */
export async function createOrganisation(db: Db, name: string, ownerId: string): Promise<OrganisationSummary> {
  return withTransaction({ db }, async ({ db }) => {
    const [organisation] = await db.insert(organisations).values({ name }).returning({ id: organisations.id, name: organisations.name });
    await db.insert(members).values({ organisationId: organisation!.id, userId: ownerId, role: "owner" });
    const owner: Ctx = { organisationId: organisation!.id, actor: { kind: "member", userId: ownerId, role: "owner" }, db };
    await recordAudit(owner, { action: "organisation.created", summary: `Created the organisation “${name}”` });
    return organisation!;
  });
}

/** True until the first account exists: the sign-up page then offers demo data. */
export async function isFirstRun(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ first_run: boolean }>(
    db,
    sql`select not exists (select 1 from ${users}) and not exists (select 1 from ${organisations}) as first_run`,
  );
  return Boolean(row?.first_run);
}
