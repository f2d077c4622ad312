import { sql } from "drizzle-orm";
import { check, customType, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { DEFAULT_MIN_TEAMS, MIN_TEAMS_HIGHEST, MIN_TEAMS_LOWEST, TEAM_RESULTS_VISIBILITIES } from "@/lib/dashboard/privacy";
import { LOGO_TYPES, MAX_LOGO_BYTES } from "@/lib/logo";
import { asBytes } from "../driver-values";
import { oneOf } from "./checks";

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

/** Binary data; the two drivers hand it back differently (see driver-values.ts). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | string }>({
  dataType: () => "bytea",
  fromDriver: asBytes,
});

/** An organisation's logo for its reports: a small raster image, checked by its bytes before it is kept. */
export const organisationLogos = pgTable(
  "organisation_logos",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    contentType: text("content_type", { enum: LOGO_TYPES }).notNull(),
    bytes: bytea().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organisation_logos_content_type_check", oneOf(t.contentType, LOGO_TYPES)),
    check("organisation_logos_size_check", sql`octet_length(${t.bytes}) between 1 and ${sql.raw(String(MAX_LOGO_BYTES))}`),
  ],
);

/**
 * Who sees what of an organisation's results (owners set it; no row: everyone sees each team's
 * results, and groups need three assessed teams). Changing it moves the dashboard version.
 */
export const organisationPrivacy = pgTable(
  "organisation_privacy",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    teamResults: text("team_results", { enum: TEAM_RESULTS_VISIBILITIES }).notNull().default("organisation"),
    minTeams: integer("min_teams").notNull().default(DEFAULT_MIN_TEAMS),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organisation_privacy_team_results_check", oneOf(t.teamResults, TEAM_RESULTS_VISIBILITIES)),
    check("organisation_privacy_min_teams_check", sql`${t.minTeams} between ${sql.raw(String(MIN_TEAMS_LOWEST))} and ${sql.raw(String(MIN_TEAMS_HIGHEST))}`),
  ],
);
