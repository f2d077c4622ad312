import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { API_SCOPES, type ApiScope } from "@/lib/api-tokens";
import { users } from "./auth";
import { organisations } from "./organisations";

const scopeList = sql.raw(`array[${API_SCOPES.map((s) => `'${s}'`).join(", ")}]::text[]`);

/** Organisation-scoped tokens for the read API; the secret is shown once and only its hash is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    scopes: text().array().$type<ApiScope[]>().notNull(),
    /** SHA-256 of the secret, hex: a stolen copy of the table lets nobody in. */
    tokenHash: text("token_hash").notNull().unique(),
    /** The secret's first characters, for telling tokens apart in the list. */
    tokenPrefix: text("token_prefix").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("api_tokens_organisation_idx").on(t.organisationId, t.createdAt),
    // Every token reads; other scopes add to that.
    check("api_tokens_scopes_check", sql`${t.scopes} <@ ${scopeList} and 'read' = any(${t.scopes})`),
  ],
);
