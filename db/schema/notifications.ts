import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { NOTIFICATION_KINDS } from "@/lib/notifications";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

/** A person's choice of one kind of reminder; a kind without a row keeps its default (see lib/notifications.ts). */
export const notificationChoices = pgTable(
  "notification_choices",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), check("notification_choices_kind_check", oneOf(t.kind, NOTIFICATION_KINDS))],
);

/**
 * Every reminder told, by its key (person, occasion, subject, date): written in the transaction
 * that queues its mail, so however many instances sweep at once, one of them writes the key and
 * queues the mail, and the others find the key taken and queue nothing.
 */
export const sentNotices = pgTable(
  "sent_notices",
  {
    key: text().primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sent_notices_organisation_idx").on(t.organisationId, t.createdAt), check("sent_notices_kind_check", oneOf(t.kind, NOTIFICATION_KINDS))],
);

/**
 * The most common weakest stave last seen, per organisation, scope (the organisation, or a group
 * with the groups inside it) and model: what the leadership digest compares the present with. The
 * sweep that changes a mark queues its mails in the same transaction, so a change is told once.
 */
export const weakestMarks = pgTable(
  "weakest_marks",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The group's id, or "" for the whole organisation. */
    scopeId: text("scope_id").notNull(),
    modelId: text("model_id").notNull(),
    /** The area(s) most often the weakest stave, sorted (several when tied). */
    areaIds: text("area_ids").array().notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.scopeId, t.modelId] })],
);
