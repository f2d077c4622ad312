import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Timestamps can tie (the embedded database keeps milliseconds): `seq` keeps "newest first" exact.
const seq = () => bigint({ mode: "number" }).generatedAlwaysAsIdentity();
import { users } from "./auth";
import { organisations } from "./organisations";

/** Copyable, single-use invitation links, bound to a role and expiring after a week. */
export const inviteLinks = pgTable(
  "invite_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text().notNull(),
    /** SHA-256 of the token in the link; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedBy: uuid("used_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    seq: seq(),
  },
  (t) => [index("invite_links_organisation_idx").on(t.organisationId)],
);

/** Who did what, when: membership, role and team changes, and submissions. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    summary: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    seq: seq(),
  },
  (t) => [index("audit_events_organisation_idx").on(t.organisationId, t.createdAt)],
);

/** Fixed-window counters for sign-in attempts, shared by every instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer().notNull(),
});
