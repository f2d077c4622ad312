import "server-only";
import { setNotificationChoiceByLink } from "@/db/queries/notification-choices";
import { notificationLabels, type NotificationKind } from "@/lib/notifications";
import { readUnsubscribeToken } from "@/lib/unsubscribe-token";
import { sessionKeys } from "./auth";
import { startUp } from "./start-up";

/**
 * Sets the kind a reminder's link names, for the person it names, if its signature holds: the link
 * works without signing in, as a mail's "stop these messages" link must. Undefined for a link that
 * is not one of ours, or whose account is gone.
 */
export async function setReminderByLink(token: string, enabled: boolean): Promise<{ kind: NotificationKind; label: string } | undefined> {
  const named = readUnsubscribeToken((await sessionKeys()).secret, token);
  if (!named) return undefined;
  if (!(await setNotificationChoiceByLink((await startUp()).db, named.userId, named.kind, enabled))) return undefined;
  return { kind: named.kind, label: notificationLabels[named.kind].label };
}
