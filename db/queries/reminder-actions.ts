import "server-only";
import { addDays } from "date-fns";
import { and, between, eq, inArray, isNull } from "drizzle-orm";
import { systemActor } from "@/lib/actor";
import { isoDate } from "@/lib/format";
import { actionReminderMail } from "@/lib/mail/reminder-mail";
import { actionReminderDays, reminderKey, REMINDER_LOOKBACK_DAYS } from "@/lib/reminders";
import type { Db } from "../client";
import { improvementActions, teams } from "../schema";
import { getMemberRole } from "./members";
import type { SweepOptions } from "./calendar";
import { recipients, tellOnce, type ReminderLinks } from "./reminder-sweep";

/**
 * Open improvement actions due tomorrow or today, or overdue since less than a week: told to the
 * owner when a member owns it, else to the team's people; once per person and due date.
 */
export async function sweepActionReminders(db: Db, links: ReminderLinks, now = new Date(), { organisationId }: SweepOptions = {}): Promise<number> {
  const rows = await db
    .select({
      id: improvementActions.id,
      title: improvementActions.title,
      status: improvementActions.status,
      dueOn: improvementActions.dueOn,
      ownerUserId: improvementActions.ownerUserId,
      assessmentId: improvementActions.assessmentId,
      organisationId: improvementActions.organisationId,
      teamId: teams.id,
      teamName: teams.name,
    })
    .from(improvementActions)
    .innerJoin(teams, eq(teams.id, improvementActions.teamId))
    .where(
      and(
        inArray(improvementActions.status, ["planned", "in_progress"]),
        between(improvementActions.dueOn, isoDate(addDays(now, -REMINDER_LOOKBACK_DAYS - 1)), isoDate(addDays(now, 2))),
        isNull(teams.archivedAt),
        organisationId ? eq(improvementActions.organisationId, organisationId) : undefined,
      ),
    );
  let told = 0;
  for (const action of rows) {
    const days = actionReminderDays(action, now);
    if (days === undefined || action.dueOn === null) continue;
    const owners = action.ownerUserId ? await recipients(db, action.organisationId, "action-due", { userId: action.ownerUserId }) : [];
    // An owner who chose no reminders is still the owner: the team is told only when no member owns it.
    const ownedByMember =
      action.ownerUserId !== null &&
      (owners.length > 0 ||
        (await getMemberRole({ db, organisationId: action.organisationId, actor: systemActor("reminders") }, action.ownerUserId)) !== undefined);
    const people = ownedByMember ? owners : await recipients(db, action.organisationId, "action-due", { teamId: action.teamId });
    for (const person of people) {
      const mail = actionReminderMail({
        to: person.email,
        name: person.name,
        title: action.title,
        teamName: action.teamName,
        dueOn: action.dueOn,
        days,
        owner: ownedByMember,
        actionsLink: `${links.origin}/teams/${action.teamId}/assessments/${action.assessmentId}/results#actions`,
        unsubscribe: links.unsubscribe(person.userId, "action-due"),
      });
      const key = reminderKey(person.userId, "action-due", action.id, action.dueOn);
      if (await tellOnce(db, { key, userId: person.userId, organisationId: action.organisationId, kind: "action-due" }, mail)) told++;
    }
  }
  return told;
}
