import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../client";
import { members, organisations, users } from "../schema";
import { recordAudit } from "./audit";

export type OrganisationSummary = { id: string; name: string };

/** Creates an organisation with its creator as owner, in one transaction. */
export async function createOrganisation(name: string, ownerId: string): Promise<OrganisationSummary> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .insert(organisations)
      .values({ name })
      .returning({ id: organisations.id, name: organisations.name });
    await tx.insert(members).values({ organisationId: organisation!.id, userId: ownerId, role: "owner" });
    await recordAudit(tx, organisation!.id, ownerId, { action: "organisation.created", summary: `Created the organisation “${name}”` });
    return organisation!;
  });
}

/** True until the first account exists: the sign-up page then offers demo data. */
export async function isFirstRun(): Promise<boolean> {
  const db = await getDb();
  const result = await db.execute(sql`select not exists (select 1 from ${users}) and not exists (select 1 from ${organisations}) as first_run`);
  return Boolean((result as unknown as { rows: { first_run: boolean }[] }).rows[0]?.first_run);
}
