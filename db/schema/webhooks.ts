import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { WEBHOOK_DELIVERY_STATES, type WebhookDeliveryState } from "@/lib/webhooks/delivery";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent, type WebhookFormat } from "@/lib/webhooks/events";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

const eventList = sql.raw(`array[${WEBHOOK_EVENTS.map((e) => `'${e}'`).join(", ")}]::text[]`);

/**
 * An organisation's webhook endpoint: where deliveries go, which events it hears, and the secret
 * they are signed with. The secret must be kept to sign (it is an HMAC key, not a password); while
 * it is replaced, the previous one also signs until `previousSecretUntil`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    events: text().array().$type<WebhookEvent[]>().notNull(),
    format: text({ enum: WEBHOOK_FORMATS }).$type<WebhookFormat>().notNull().default("standard"),
    secret: text().notNull(),
    previousSecret: text("previous_secret"),
    previousSecretUntil: timestamp("previous_secret_until", { withTimezone: true }),
    enabled: boolean().notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_endpoints_organisation_idx").on(t.organisationId, t.createdAt),
    check("webhook_endpoints_events_check", sql`${t.events} <@ ${eventList} and cardinality(${t.events}) > 0`),
    check("webhook_endpoints_format_check", oneOf(t.format, WEBHOOK_FORMATS)),
  ],
);

/**
 * One message to one endpoint and what became of it. Raised inside the write the event comes from;
 * its body is written at the first attempt (the view's JSON then), so retries and replays send the
 * very same message under the same id.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    event: text().$type<WebhookEvent>().notNull(),
    /** What the event is about, for the log: team, assessment, workshop ids. */
    subject: jsonb().$type<Record<string, string>>().notNull(),
    body: text(),
    /** An event that must be told once (an assessment overdue since a date): raised again, it adds nothing. */
    onceKey: text("once_key"),
    state: text({ enum: WEBHOOK_DELIVERY_STATES }).$type<WebhookDeliveryState>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastStatus: integer("last_status"),
    lastAnswer: text("last_answer"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    uniqueIndex("webhook_deliveries_once_idx").on(t.endpointId, t.onceKey),
    check("webhook_deliveries_state_check", oneOf(t.state, WEBHOOK_DELIVERY_STATES)),
  ],
);
