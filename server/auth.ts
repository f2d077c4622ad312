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
import { accounts, invitations, members, organisations, sessions, settings, ssoProviders, users, verifications } from "@/db/schema";
import { queueMail } from "@/db/queries/mail";
import { env } from "@/lib/env";
import { passwordResetMail } from "@/lib/mail/message";
import { CLIENT_ADDRESS_HEADER } from "./client-address.mjs";
import { mailer } from "./mail";
import { allowedSsoOrigins, assertAllowedDomain, emailOfUser, SSO_CALLBACK_PATH, SSO_MANAGEMENT_PATHS, ssoPlugin } from "./sso";

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
/** How long a password reset link works. */
export const RESET_LINK_MINUTES = 60;

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
  const baseURL = env().BETTER_AUTH_URL ?? `http://localhost:${env().PORT}`;
  return betterAuth({
    secret,
    baseURL,
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
        ssoProvider: ssoProviders,
      },
    }),
    // The library fetches a provider's endpoints on a private network only from trusted origins: the operator's list.
    trustedOrigins: allowedSsoOrigins(),
    disabledPaths: SSO_MANAGEMENT_PATHS,
    // A single sign-on answer that cannot be matched to its start (wrong or expired state) comes back here.
    onAPIError: { errorURL: `${baseURL}/sign-in?sso=failed` },
    // The address Stave's own server sets (never one a client wrote), for the sessions it records.
    advanced: { database: { generateId: "uuid" }, ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
      // The library's own reset: a single-use link, and every session of the account ends with the change.
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      // The mail is a job of no organisation, so no admin reads the link. Without an SMTP server
      // nothing is queued at all: the request page says to ask whoever runs Stave instead.
      sendResetPassword: async ({ user, token }) => {
        if (!mailer().configured) return;
        const link = `${baseURL}/reset-password/${encodeURIComponent(token)}`;
        await queueMail({ db, organisationId: null }, passwordResetMail({ to: user.email, name: user.name, link, validMinutes: RESET_LINK_MINUTES }));
      },
    },
    session: { expiresIn: 60 * 60 * 24 * SESSION_DAYS, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      user: {
        create: {
          before: async (user, context) => {
            if (context?.path.startsWith(SSO_CALLBACK_PATH)) await assertAllowedDomain(db, context.params?.providerId, user.email);
            return { data: user };
          },
        },
      },
      session: {
        create: {
          // A fresh sign-in starts in the organisation the user joined most recently.
          before: async (session, context) => {
            if (context?.path.startsWith(SSO_CALLBACK_PATH)) {
              await assertAllowedDomain(db, context.params?.providerId, (await emailOfUser(db, session.userId)) ?? "");
            }
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
      ssoPlugin(db),
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
