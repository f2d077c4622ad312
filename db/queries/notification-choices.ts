import "server-only";
import { eq, sql } from "drizzle-orm";
import { NOTIFICATION_KINDS, notificationChoices as choicesOf, type NotificationKind } from "@/lib/notifications";
import type { Db } from "../client";
import { notificationChoices, users } from "../schema";

// A person's choices are their own, across every organisation they belong to: no organisation scopes them.

/** Every kind's choice of one person, defaults filled in. */
export async function getNotificationChoices(db: Db, userId: string): Promise<Record<NotificationKind, boolean>> {
  const rows = await db
    .select({ kind: notificationChoices.kind, enabled: notificationChoices.enabled })
    .from(notificationChoices)
    .where(eq(notificationChoices.userId, userId));
  return choicesOf(rows);
}

/** Stores a person's choice of the given kinds, in one statement. */
export async function setNotificationChoices(db: Db, userId: string, choices: Partial<Record<NotificationKind, boolean>>): Promise<void> {
  const rows = NOTIFICATION_KINDS.filter((kind) => choices[kind] !== undefined).map((kind) => ({ userId, kind, enabled: choices[kind] === true }));
  if (rows.length === 0) return;
  await db
    .insert(notificationChoices)
    .values(rows)
    .onConflictDoUpdate({ target: [notificationChoices.userId, notificationChoices.kind], set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` } });
}

/** Sets one kind for a person named by a link (no session): false when the account no longer exists. */
export async function setNotificationChoiceByLink(db: Db, userId: string, kind: NotificationKind, enabled: boolean): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return false;
  await setNotificationChoices(db, userId, { [kind]: enabled });
  return true;
}
