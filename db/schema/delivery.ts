import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { DELIVERY_EVENT_KINDS, DEPLOYMENT_OUTCOMES, EVENT_SOURCES, SIGNED_SOURCES } from "@/lib/delivery/events";
import { teams } from "./assessments";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

/**
 * A service (or repository) events name, by the name they give it. It is kept from its first event
 * on, mapped to a team or not: an unmapped one is listed for an owner or admin to map.
 */
export const deliveryServices = pgTable(
  "delivery_services",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("delivery_services_name_key").on(t.organisationId, t.name), index("delivery_services_team_idx").on(t.teamId)],
);

/**
 * A deployment, a merged change, or an incident's detection or resolution, once per (organisation,
 * source, event id): a retried or replayed event is not stored again.
 */
export const deliveryEvents = pgTable(
  "delivery_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => deliveryServices.id, { onDelete: "cascade" }),
    source: text({ enum: EVENT_SOURCES }).notNull(),
    eventId: text("event_id").notNull(),
    kind: text({ enum: DELIVERY_EVENT_KINDS }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** A deployment's outcome; null for the other kinds. */
    outcome: text({ enum: DEPLOYMENT_OUTCOMES }),
    /** A deployment the source marked as unplanned, made to fix a problem users saw. */
    rework: boolean().notNull().default(false),
    /** The change or incident the event is about; null for a deployment. */
    subject: text(),
    /** When a merged change was committed, if the source says. */
    committedAt: timestamp("committed_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("delivery_events_source_event_key").on(t.organisationId, t.source, t.eventId),
    // A service's events of one kind in time order: the metrics read deployments and changes from a moment on, and incidents.
    index("delivery_events_service_kind_idx").on(t.serviceId, t.kind, t.occurredAt),
    check("delivery_events_source_check", oneOf(t.source, EVENT_SOURCES)),
    check("delivery_events_kind_check", oneOf(t.kind, DELIVERY_EVENT_KINDS)),
    check(
      "delivery_events_shape_check",
      sql`(${t.kind} = 'deployment' and ${t.outcome} is not null and ${t.subject} is null) or (${t.kind} <> 'deployment' and ${t.outcome} is null and ${t.subject} is not null and not ${t.rework})`,
    ),
  ],
);

/**
 * A source that cannot send a bearer token (GitHub, PagerDuty) and signs what it sends with a secret
 * of the organisation's instead. The secret must be kept to verify (an HMAC key, not a password).
 */
export const deliverySources = pgTable(
  "delivery_sources",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text({ enum: SIGNED_SOURCES }).notNull(),
    secret: text().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("delivery_sources_kind_key").on(t.organisationId, t.kind), check("delivery_sources_kind_check", oneOf(t.kind, SIGNED_SOURCES))],
);
