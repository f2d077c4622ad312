// Reminders Stave mails on its own (not because someone asked just now): each person chooses which
// kinds they get, and every reminder mail carries a link that turns its kind off.

import type { Role } from "./permissions";

export const NOTIFICATION_KINDS = ["assessment-due", "target", "action-due", "weakest-digest"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationLabels: Record<NotificationKind, { label: string; hint: string }> = {
  "assessment-due": { label: "Assessment due", hint: "A week before the next assessment of a team you are in is due, and when it is overdue." },
  target: { label: "Target reached or missed", hint: "When a team you are in reaches its target, or the target's date passes without reaching it." },
  "action-due": { label: "Improvement action due", hint: "When an improvement action you own is due, or one of your team's that no member owns." },
  "weakest-digest": {
    label: "Most common weakest stave changed",
    hint: "For owners, admins and viewers: when the weakest stave most teams share changes, in the organisation or one of its groups.",
  },
};

/** The roles that read results across teams: whom the leadership digest is for. */
export const DIGEST_ROLES: readonly Role[] = ["owner", "admin", "viewer"];

/** What a person gets before choosing: every kind (the digest only reaches those who read across teams). */
const DEFAULT_ON: Record<NotificationKind, boolean> = { "assessment-due": true, target: true, "action-due": true, "weakest-digest": true };

/** A person's choice of every kind: what they stored, else the default. */
export function notificationChoices(stored: readonly { kind: NotificationKind; enabled: boolean }[]): Record<NotificationKind, boolean> {
  const choices = { ...DEFAULT_ON };
  for (const { kind, enabled } of stored) choices[kind] = enabled;
  return choices;
}

export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);
