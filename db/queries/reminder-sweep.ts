import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { MailMessage } from "@/lib/mail/message";
import { assessmentReminderMail } from "@/lib/mail/reminder-mail";
import { notificationChoices as choicesOf, type NotificationKind } from "@/lib/notifications";
import type { Role } from "@/lib/permissions";
import { assessmentReminder, reminderKey } from "@/lib/reminders";
import type { Db } from "../client";
import { withTransaction } from "../transaction";
import { members, notificationChoices, sentNotices, teamMembers, users } from "../schema";
import { lastSubmissions, type SweepOptions } from "./calendar";
import { queueMail } from "./mail";

// Reminders by mail that the calendar brings. Every instance sweeps now and then; each reminder to
// each person has a key, written in the transaction that queues its mail, so one mail goes out
// however many instances sweep at once (a second sweep waits on the first one's key, then finds it).

/** The links a reminder carries: where Stave is, and the signed link that turns a kind off for a person. */
export type ReminderLinks = { origin: string; unsubscribe: (userId: string, kind: NotificationKind) => string };

export type Recipient = { userId: string; name: string; email: string; role: Role };

/** The people of the organisation who get this kind of reminder: those in a team, those of some roles, or one person (if still a member). */
export async function recipients(
  db: Db,
  organisationId: string,
  kind: NotificationKind,
  who: { teamId: string } | { userId: string } | { roles: readonly Role[] },
): Promise<Recipient[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: members.role, enabled: notificationChoices.enabled })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .leftJoin(notificationChoices, and(eq(notificationChoices.userId, users.id), eq(notificationChoices.kind, kind)))
    .where(
      and(
        eq(members.organisationId, organisationId),
        "teamId" in who
          ? inArray(members.userId, db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, who.teamId)))
          : "roles" in who
            ? inArray(members.role, [...who.roles])
            : eq(members.userId, who.userId),
      ),
    )
    .orderBy(users.id);
  return rows
    .filter((r) => choicesOf(r.enabled === null ? [] : [{ kind, enabled: r.enabled }])[kind])
    .map(({ userId, name, email, role }) => ({ userId, name, email, role }));
}

/**
 * Tells one reminder once: writes its key and queues its mail in one transaction; a key already
 * written (by this sweep earlier, or another instance's) queues nothing. Returns whether it was told.
 */
export async function tellOnce(
  db: Db,
  notice: { key: string; userId: string; organisationId: string; kind: NotificationKind },
  mail: MailMessage,
): Promise<boolean> {
  return withTransaction({ db, organisationId: notice.organisationId }, async (ctx) => {
    const [written] = await ctx.db.insert(sentNotices).values(notice).onConflictDoNothing().returning({ key: sentNotices.key });
    if (!written) return false;
    await queueMail(ctx, mail);
    return true;
  });
}

/** Assessments due within a week or overdue since less than one: told to each person in the team, once per due date. */
export async function sweepAssessmentReminders(db: Db, links: ReminderLinks, now = new Date(), options: SweepOptions = {}): Promise<number> {
  let told = 0;
  for (const team of await lastSubmissions(db, options)) {
    const reminder = assessmentReminder(team.cadence, team.lastSubmittedAt, now);
    if (!reminder) continue;
    for (const person of await recipients(db, team.organisationId, "assessment-due", { teamId: team.teamId })) {
      const mail = assessmentReminderMail({
        to: person.email,
        name: person.name,
        teamName: team.teamName,
        organisationName: team.organisationName,
        reminder,
        teamLink: `${links.origin}/teams/${team.teamId}`,
        unsubscribe: links.unsubscribe(person.userId, "assessment-due"),
      });
      const key = reminderKey(person.userId, `assessment-${reminder.occasion}`, team.teamId, reminder.dueOn);
      if (await tellOnce(db, { key, userId: person.userId, organisationId: team.organisationId, kind: "assessment-due" }, mail)) told++;
    }
  }
  return told;
}
