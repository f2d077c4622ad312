import { createHmac, timingSafeEqual } from "node:crypto";
import { isNotificationKind, type NotificationKind } from "./notifications";

// The token in a reminder's "stop these messages" link: it names the person and the kind, signed
// with the server's secret, so it works without signing in and cannot be made for someone else.

const signature = (secret: string, payload: string) => createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");

export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  const payload = `${userId}.${kind}`;
  return `${payload}.${signature(secret, payload)}`;
}

/** Who and what a token names, if its signature holds; undefined for anything else. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: NotificationKind } | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [userId, kind, given] = parts as [string, string, string];
  if (!isNotificationKind(kind) || !/^[0-9a-f-]{36}$/i.test(userId)) return undefined;
  const expected = Buffer.from(signature(secret, `${userId}.${kind}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  return { userId, kind };
}
