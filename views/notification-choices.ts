import "server-only";
import type { Db } from "@/db/client";
import { listMemberships } from "@/db/queries/members";
import { getNotificationChoices } from "@/db/queries/notification-choices";
import { DIGEST_ROLES, NOTIFICATION_KINDS, notificationLabels, type NotificationKind } from "@/lib/notifications";

export type NotificationChoiceView = { kind: NotificationKind; label: string; hint: string; enabled: boolean };

/** Every kind of reminder the person can get, each with their choice: the leadership digest only for those who read across teams somewhere. */
export async function notificationChoicesView(db: Db, userId: string): Promise<NotificationChoiceView[]> {
  const [choices, memberships] = await Promise.all([getNotificationChoices(db, userId), listMemberships(db, userId)]);
  const readsAcross = memberships.some((m) => DIGEST_ROLES.includes(m.role));
  return NOTIFICATION_KINDS.filter((kind) => kind !== "weakest-digest" || readsAcross).map((kind) => ({
    kind,
    ...notificationLabels[kind],
    enabled: choices[kind],
  }));
}
