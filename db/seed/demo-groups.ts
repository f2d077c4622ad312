import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Tx } from "../client";
import { groups, teams } from "../schema";

/**
 * How the demo organisation arranges its teams: two departments of two tribes each, and a small
 * lab of two teams (too few to show its aggregates to anyone outside it).
 */
export const DEMO_GROUPS: readonly { name: string; parent?: string; teams: readonly string[] }[] = [
  { name: "Product Engineering", teams: [] },
  { name: "Commerce", parent: "Product Engineering", teams: ["Payments", "Checkout", "Pricing", "Loyalty", "Marketplace", "Notifications"] },
  {
    name: "Discovery",
    parent: "Product Engineering",
    teams: ["Search", "Mobile App", "Recommendations", "Catalogue", "Web Storefront", "Customer Support Tools"],
  },
  { name: "Platform & Data", teams: [] },
  {
    name: "Platform",
    parent: "Platform & Data",
    teams: ["Data Platform", "Identity", "Developer Portal", "Cloud Infrastructure", "Delivery Tooling", "Networking"],
  },
  { name: "Data", parent: "Platform & Data", teams: ["Analytics", "Data Ingestion", "Machine Learning", "Reporting"] },
  { name: "Labs", teams: ["Voice Assistant", "AR Try-on"] },
];

/** Creates the demo groups and puts the named teams in them, inside the caller's transaction. */
export async function insertDemoGroups(tx: Tx, organisationId: string, teamRows: readonly { id: string; name: string }[]) {
  const idOf = new Map<string, string>();
  for (const g of DEMO_GROUPS) idOf.set(g.name, randomUUID());
  await tx
    .insert(groups)
    .values(DEMO_GROUPS.map((g) => ({ id: idOf.get(g.name)!, organisationId, name: g.name, parentId: g.parent ? idOf.get(g.parent)! : null })));
  const teamId = new Map(teamRows.map((t) => [t.name, t.id]));
  for (const g of DEMO_GROUPS) {
    const ids = g.teams.flatMap((name) => (teamId.has(name) ? [teamId.get(name)!] : []));
    if (ids.length > 0)
      await tx
        .update(teams)
        .set({ groupId: idOf.get(g.name)! })
        .where(inArray(teams.id, ids));
  }
}
