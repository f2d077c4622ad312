import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * Groups of teams (departments, tribes), nested: a group without a parent sits directly under the
 * organisation. A team belongs to at most one group (teams.group_id); its history stays with the
 * team, so moving a team or a group moves its whole history with it.
 */
export const groups = pgTable(
  "groups",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => groups.id),
    name: text().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Names are unique among the groups that share a parent, whatever their case.
    uniqueIndex("groups_sibling_name_key").on(
      t.organisationId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.name})`,
    ),
    index("groups_parent_idx").on(t.parentId),
  ],
);

export type Group = typeof groups.$inferSelect;
