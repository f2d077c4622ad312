import "server-only";
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, memberAc, ownerAc } from "better-auth/plugins/organization/access";
import { desc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { accounts, invitations, members, organisations, sessions, settings, users, verifications } from "@/db/schema";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "./client-address.mjs";

const ac = createAccessControl(defaultStatements);
// Passing roles replaces the library's defaults, so all five are declared. What each may do in
// Stave is decided by lib/permissions.ts; these only govern the library's own member records.
const roles = {
  owner: ac.newRole(ownerAc.statements),
  admin: ac.newRole(adminAc.statements),
  facilitator: ac.newRole(memberAc.statements),
  member: ac.newRole(memberAc.statements),
  viewer: ac.newRole(memberAc.statements),
};

const SESSION_DAYS = 7;

/** The secret from the environment, or one generated once and shared by every instance through the database. */
async function authSecret(db: Db): Promise<string> {
  const fromEnv = env().BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  await db
    .insert(settings)
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "auth_secret"));
  return row!.value;
}

function createAuth(db: Db, secret: string) {
  return betterAuth({
    secret,
    baseURL: env().BETTER_AUTH_URL ?? `http://localhost:${env().PORT}`,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        organization: organisations,
        member: members,
        invitation: invitations,
      },
    }),
    // The address Stave's own server sets (never one a client wrote), for the sessions it records.
    advanced: { database: { generateId: "uuid" }, ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * SESSION_DAYS, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      session: {
        create: {
          // A fresh sign-in starts in the organisation the user joined most recently.
          before: async (session) => {
            const [latest] = await db
              .select({ organisationId: members.organisationId })
              .from(members)
              .where(eq(members.userId, session.userId))
              .orderBy(desc(members.createdAt))
              .limit(1);
            return { data: { ...session, activeOrganizationId: latest?.organisationId ?? null } };
          },
        },
      },
    },
    plugins: [
      organization({
        ac,
        roles,
        creatorRole: "owner",
        schema: {
          session: { fields: { activeOrganizationId: "activeOrganisationId" } },
          member: { fields: { organizationId: "organisationId" } },
          invitation: { fields: { organizationId: "organisationId" } },
        },
      }),
      nextCookies(), // must stay last
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** What reading a session cookie needs: its name, the signing secret, and when a session is due to be extended. */
export type SessionKeys = { cookieName: string; secret: string; expiresInSeconds: number; updateAgeSeconds: number };

const shared = ((globalThis as { __staveAuth?: { auth?: Promise<Auth>; keys?: Promise<SessionKeys> } }).__staveAuth ??= {});

/** The process-wide Better Auth instance, built once the database is open. */
export function getAuth(): Promise<Auth> {
  shared.auth ??= (async () => {
    const db = await getDb();
    return createAuth(db, await authSecret(db));
  })().catch((error) => {
    shared.auth = undefined;
    throw error;
  });
  return shared.auth;
}

/** The session cookie's name and signing secret, as the auth library configured them. */
export async function sessionKeys(): Promise<SessionKeys> {
  shared.keys ??= getAuth()
    .then(async (auth) => {
      const context = await auth.$context;
      return {
        cookieName: context.authCookies.sessionToken.name,
        secret: context.secret,
        expiresInSeconds: context.sessionConfig.expiresIn,
        updateAgeSeconds: context.sessionConfig.updateAge,
      };
    })
    .catch((error) => {
      shared.keys = undefined;
      throw error;
    });
  return shared.keys;
}
