import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ACTOR_KINDS } from "@/lib/actor";
import { ROLES } from "@/lib/permissions";
import { teams } from "./assessments";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

// Timestamps can tie (the embedded database keeps milliseconds): `seq` keeps "newest first" exact.
const seq = () => bigint({ mode: "number" }).generatedAlwaysAsIdentity();

/** Copyable, single-use invitation links, bound to a role and expiring after a week. */
export const inviteLinks = pgTable(
  "invite_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text({ enum: ROLES }).notNull(),
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
  (t) => [index("invite_links_organisation_idx").on(t.organisationId), check("invite_links_role_check", oneOf(t.role, ROLES))],
);

/** The teams an invitation names: whoever accepts it joins them, as well as the organisation. */
export const inviteLinkTeams = pgTable(
  "invite_link_teams",
  {
    inviteLinkId: uuid("invite_link_id")
      .notNull()
      .references(() => inviteLinks.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.inviteLinkId, t.teamId] }), index("invite_link_teams_team_idx").on(t.teamId)],
);

/** Who did what, when: membership, role and team changes, and submissions. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Who did it: a member (actor_id, kept while the account exists), a participant, a token or Stave itself. */
    actorKind: text("actor_kind", { enum: ACTOR_KINDS }).notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The name of an actor that is not a member: a participant's display name, a token's name, what Stave was doing. */
    actorLabel: text("actor_label"),
    action: text().notNull(),
    summary: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    seq: seq(),
  },
  (t) => [
    index("audit_events_organisation_idx").on(t.organisationId, t.createdAt),
    check("audit_events_actor_kind_check", oneOf(t.actorKind, ACTOR_KINDS)),
    check("audit_events_actor_label_check", sql`${t.actorKind} = 'member' or ${t.actorLabel} is not null`),
  ],
);

/** Fixed-window counters for sign-in attempts, shared by every instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer().notNull(),
});
