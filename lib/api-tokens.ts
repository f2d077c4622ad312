import { AppError } from "./errors";

/**
 * What a token may do. Every token reads what a viewer reads; the notes respondents wrote beside
 * their answers are personal enough to need a scope of their own; sending delivery events
 * (deployments, changes, incidents) is the one write a token may be given.
 */
export const API_SCOPES = ["read", "read:notes", "events:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const scopeLabels: Record<ApiScope, string> = {
  read: "Read teams, results, trends and the dashboard",
  "read:notes": "Also read the notes written beside answers",
  "events:write": "Send deployments, changes and incidents (delivery events)",
};

/** Every token starts with this, so a leaked one is recognisable (and a secret scanner can find it). */
export const TOKEN_PREFIX = "stave_";
/** How much of a token the list shows, so its owner can tell tokens apart without the secret. */
export const TOKEN_DISPLAY_LENGTH = TOKEN_PREFIX.length + 6;
/** 32 random bytes in base64url: 43 characters. */
const TOKEN_FORMAT = /^stave_[A-Za-z0-9_-]{43}$/;

/** Whether a string has the shape of a token, so one that cannot be ours is refused without a query. */
export const looksLikeToken = (secret: string) => TOKEN_FORMAT.test(secret);

/** The expiry choices the page offers, in days; "never" keeps the token until it is revoked. */
export const TOKEN_EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;
export type TokenExpiryChoice = (typeof TOKEN_EXPIRY_CHOICES)[number];

export function tokenExpiry(choice: TokenExpiryChoice, now: Date): Date | null {
  return choice === "never" ? null : new Date(now.getTime() + Number(choice) * 86_400_000);
}

export type TokenStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: it is the owner's own decision and the one they look for. */
export function tokenStatus(token: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** Last used is written at most this often, so a busy token costs a write a minute, not one a request. */
export const LAST_USED_EVERY_MS = 60_000;

export function lastUsedIsStale(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_EVERY_MS;
}

/** Refuses a request its token's scopes do not cover (403: the token is fine, the question is not). */
export function requireScope(scopes: readonly ApiScope[], scope: ApiScope): void {
  if (!scopes.includes(scope)) {
    throw new AppError("forbidden", `This token does not have the scope “${scope}”. Create a token with it on the API tokens page.`);
  }
}
