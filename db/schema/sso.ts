import { boolean, check, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { SSO_ROLES, type GroupRole } from "@/lib/sso/mapping";
import { users } from "./auth";
import { oneOf } from "./checks";
import { organisations } from "./organisations";

/**
 * The auth library's single sign-on providers (property names are its field names). Its OIDC
 * configuration, client secret included, is kept as the library's JSON text; pages never read it.
 */
export const ssoProviders = pgTable("sso_providers", {
  id: uuid().primaryKey().defaultRandom(),
  issuer: text().notNull(),
  oidcConfig: text("oidc_config"),
  samlConfig: text("saml_config"),
  userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  providerId: text("provider_id").notNull().unique(),
  organizationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
  domain: text().notNull(),
  domainVerified: boolean("domain_verified").notNull().default(false),
});

/** What Stave adds to an organisation's single sign-on: how groups map to roles, and whether passwords still work. */
export const ssoSettings = pgTable(
  "sso_settings",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    providerId: text("provider_id").notNull(),
    groupsClaim: text("groups_claim").notNull().default("groups"),
    defaultRole: text("default_role", { enum: SSO_ROLES }).notNull().default("member"),
    mapping: jsonb().$type<GroupRole[]>().notNull().default([]),
    passwordSignInOff: boolean("password_sign_in_off").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("sso_settings_default_role_check", oneOf(t.defaultRole, SSO_ROLES))],
);

/** Each allowed e-mail domain belongs to one organisation at most: the primary key says so. */
export const ssoDomains = pgTable("sso_domains", {
  domain: text().primaryKey(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
});
