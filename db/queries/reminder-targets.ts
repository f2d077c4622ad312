import "server-only";
import { addDays } from "date-fns";
import { and, eq, gte, isNull } from "drizzle-orm";
import { systemActor } from "@/lib/actor";
import { isoDate } from "@/lib/format";
import { targetReminderMail } from "@/lib/mail/reminder-mail";
import { reminderKey, REMINDER_LOOKBACK_DAYS, targetReminder } from "@/lib/reminders";
import { targetText, toLaterScore } from "@/lib/target";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { assessments, targets, teams } from "../schema";
import { recipients, tellOnce, type ReminderLinks, type SweepOptions } from "./reminder-sweep";
import { listTeamScores } from "./scores";
import { listTeamTargets } from "./targets";

/**
 * Targets reached in the last week, or whose date passed unreached in the last week: told to the
 * people in the team, once per person and target. A target reached has a date no earlier than the
 * assessment that reached it, so both are among the targets dated in the last week or later.
 */
export async function sweepTargetReminders(db: Db, links: ReminderLinks, now = new Date(), { organisationId }: SweepOptions = {}): Promise<number> {
  const rows = await db
    .selectDistinct({ teamId: teams.id, teamName: teams.name, organisationId: teams.organisationId })
    .from(targets)
    .innerJoin(assessments, eq(assessments.id, targets.assessmentId))
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .where(
      and(
        gte(targets.dueOn, isoDate(addDays(now, -REMINDER_LOOKBACK_DAYS - 1))),
        isNull(teams.archivedAt),
        organisationId ? eq(targets.organisationId, organisationId) : undefined,
      ),
    );
  let told = 0;
  for (const team of rows) {
    const ctx: Ctx = { organisationId: team.organisationId, actor: systemActor("reminders"), db };
    const later = (await listTeamScores(ctx, team.teamId)).map(toLaterScore);
    for (const target of await listTeamTargets(ctx, team.teamId)) {
      const reminder = targetReminder(target, later, now);
      if (!reminder) continue;
      for (const person of await recipients(db, team.organisationId, "target", { teamId: team.teamId })) {
        const mail = targetReminderMail({
          to: person.email,
          name: person.name,
          teamName: team.teamName,
          targetText: targetText(target),
          reminder,
          trendLink: `${links.origin}/teams/${team.teamId}/trend`,
          unsubscribe: links.unsubscribe(person.userId, "target"),
        });
        const key = reminderKey(person.userId, reminder.occasion, target.assessmentId, target.dueOn);
        if (await tellOnce(db, { key, userId: person.userId, organisationId: team.organisationId, kind: "target" }, mail)) told++;
      }
    }
  }
  return told;
}
