import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import {
  LAST_USED_EVERY_MS,
  lastUsedIsStale,
  looksLikeToken,
  TOKEN_DISPLAY_LENGTH,
  TOKEN_PREFIX,
  tokenExpiry,
  tokenStatus,
  type ApiScope,
  type TokenStatus,
} from "@/lib/api-tokens";
import { AppError, notFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { CreateApiTokenInput } from "@/lib/validation/api-tokens";
import { formatDate } from "@/lib/format";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { apiTokens, users } from "../schema";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Inside a write: refuses unless the actor may manage tokens with their role as it is now. */
async function requireTokenManager(ctx: Ctx): Promise<void> {
  const role = await actorRoleNow(ctx);
  if (!role || !can(role, "tokens.manage")) throw forbidden("tokens.manage");
}

export type CreatedApiToken = {
  /** The secret: returned once, here, and never again. */
  token: string;
  row: { id: string; name: string; scopes: ApiScope[]; tokenPrefix: string; createdAt: Date; expiresAt: Date | null };
};

/** Creates a token of the organisation; only the hash of its secret is stored. */
export async function createApiToken(ctx: Ctx, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  requirePermission(ctx, "tokens.manage");
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = tokenExpiry(input.expiresIn, new Date());
  return withTransaction(ctx, async (ctx) => {
    await requireTokenManager(ctx);
    const [row] = await ctx.db
      .insert(apiTokens)
      .values({
        organisationId: ctx.organisationId,
        name: input.name,
        scopes: input.scopes,
        tokenHash: hashSecret(token),
        tokenPrefix: token.slice(0, TOKEN_DISPLAY_LENGTH),
        createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null,
        expiresAt,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        scopes: apiTokens.scopes,
        tokenPrefix: apiTokens.tokenPrefix,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
      });
    await recordAudit(ctx, {
      action: "api_token.created",
      summary: `Created the API token “${input.name}” (${input.scopes.join(", ")}), ${expiresAt ? `expiring ${formatDate(expiresAt)}` : "never expiring"}`,
      detail: { tokenId: row!.id, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { token, row: row! };
  });
}

export type ApiTokenListItem = {
  id: string;
  name: string;
  scopes: ApiScope[];
  tokenPrefix: string;
  creatorName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
};

/** The organisation's tokens, newest first, with who created them and their state now. */
export async function listApiTokens(ctx: Ctx): Promise<ApiTokenListItem[]> {
  requirePermission(ctx, "tokens.manage");
  const rows = await ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      tokenPrefix: apiTokens.tokenPrefix,
      creatorName: users.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.organisationId, ctx.organisationId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  const now = new Date();
  return rows.map((row) => ({ ...row, status: tokenStatus(row, now) }));
}

/** Revokes a token at once: the next request made with it is refused. */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  requirePermission(ctx, "tokens.manage");
  await withTransaction(ctx, async (ctx) => {
    await requireTokenManager(ctx);
    const [row] = await ctx.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.organisationId, ctx.organisationId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ name: apiTokens.name });
    if (!row) throw notFoundError("The API token (or it was already revoked)");
    await recordAudit(ctx, { action: "api_token.revoked", summary: `Revoked the API token “${row.name}”`, detail: { tokenId } });
  });
}

/** What a request made with a token may do: its organisation's context, with the token as the actor, and its scopes. */
export type TokenContext = { ctx: Ctx; tokenId: string; scopes: ApiScope[] };

const refused = (why: string) => new AppError("unauthenticated", why);

/**
 * The context of a request made with `secret`, or a refusal saying why (unknown, expired,
 * revoked). Takes the secret, not a context: the token is what says which organisation it is.
 * The only write a request causes is "last used", at most once a minute per token.
 */
export async function tokenContext(db: Db, secret: string): Promise<TokenContext> {
  if (!looksLikeToken(secret)) throw refused("This is not a Stave API token: tokens start with “stave_” followed by 43 characters.");
  const [row] = await db
    .select({
      id: apiTokens.id,
      organisationId: apiTokens.organisationId,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashSecret(secret)));
  if (!row) throw refused("This API token is not known to Stave: check that it was copied whole, or create a new one.");
  const now = new Date();
  const status = tokenStatus(row, now);
  if (status === "revoked") throw refused(`The API token “${row.name}” was revoked. Create a new one on the API tokens page.`);
  if (status === "expired") throw refused(`The API token “${row.name}” expired on ${formatDate(row.expiresAt!)}. Create a new one on the API tokens page.`);
  if (lastUsedIsStale(row.lastUsedAt, now)) {
    // Requests arriving together both see it stale; the condition lets only one of them write.
    const staleBefore = new Date(now.getTime() - LAST_USED_EVERY_MS);
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
  }
  return {
    ctx: { organisationId: row.organisationId, actor: { kind: "token", tokenId: row.id, name: row.name, scopes: row.scopes }, db },
    tokenId: row.id,
    scopes: row.scopes,
  };
}
