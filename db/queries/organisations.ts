import "server-only";
import { asc, sql } from "drizzle-orm";
import { getDb } from "../client";
import { organisations } from "../schema";

export type OrganisationSummary = { id: string; name: string };

/** Until accounts arrive, an installation serves the organisation set up first. */
export async function getFirstOrganisation(): Promise<OrganisationSummary | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row;
}

/** Creates the installation's first organisation; undefined when one already exists. */
export async function createFirstOrganisation(name: string): Promise<OrganisationSummary | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Two set-up forms sent at once must not create two organisations.
    await tx.execute(sql`lock table ${organisations} in share row exclusive mode`);
    const [existing] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing) return undefined;
    const [row] = await tx
      .insert(organisations)
      .values({ name })
      .returning({ id: organisations.id, name: organisations.name });
    return row;
  });
}
