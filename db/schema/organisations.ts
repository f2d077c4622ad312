import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** An organisation: every other row belongs to one. Also Better Auth's organization model. */
export const organisations = pgTable("organisations", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  // Better Auth requires a unique slug; Stave does not show it, so it defaults to a random one.
  slug: text()
    .notNull()
    .unique()
    .default(sql`gen_random_uuid()::text`),
  logo: text(),
  metadata: text(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Organisation = typeof organisations.$inferSelect;
