import "server-only";
import type { Db } from "@/db/client";
import { getNotificationChoices } from "@/db/queries/notification-choices";
import { NOTIFICATION_KINDS, notificationLabels, type NotificationKind } from "@/lib/notifications";

export type NotificationChoiceView = { kind: NotificationKind; label: string; hint: string; enabled: boolean };

/** Every kind of reminder, each with the person's choice. */
export async function notificationChoicesView(db: Db, userId: string): Promise<NotificationChoiceView[]> {
  const choices = await getNotificationChoices(db, userId);
  return NOTIFICATION_KINDS.map((kind) => ({ kind, ...notificationLabels[kind], enabled: choices[kind] }));
}
