import "server-only";
import { targetReminderMail } from "@/lib/mail/reminder-mail";
import { reminderKey, targetReminder } from "@/lib/reminders";
import { targetText } from "@/lib/target";
import type { Db } from "../client";
import { recentTargets, type SweepOptions } from "./calendar";
import { recipients, tellOnce, type ReminderLinks } from "./reminder-sweep";

/** Targets reached in the last week, or whose date passed unreached in the last week: told to the people in the team, once per person and target. */
export async function sweepTargetReminders(db: Db, links: ReminderLinks, now = new Date(), options: SweepOptions = {}): Promise<number> {
  let told = 0;
  for (const team of await recentTargets(db, now, options)) {
    for (const target of team.targets) {
      const reminder = targetReminder(target, team.later, now);
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
