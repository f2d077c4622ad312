import { formatDate } from "../format";
import type { AssessmentReminder, TargetReminder } from "../reminders";
import { outcomeText } from "../target";
import { mailBody, type MailMessage } from "./message";

export type AssessmentReminderMailInput = {
  to: string;
  name: string;
  teamName: string;
  organisationName: string;
  reminder: AssessmentReminder;
  teamLink: string;
  /** The link that stops assessment reminders for this person. */
  unsubscribe: string;
};

const inDays = (days: number) => (days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`);

/** A reminder that a team's next assessment is due soon, or overdue; a notification, so it says how to stop it. */
export function assessmentReminderMail({ to, name, teamName, organisationName, reminder, teamLink, unsubscribe }: AssessmentReminderMailInput): MailMessage {
  const date = formatDate(`${reminder.dueOn}T00:00:00Z`);
  const overdue = reminder.occasion === "overdue";
  return {
    to,
    subject: overdue ? `${teamName}: assessment overdue` : `${teamName}: next assessment due ${inDays(reminder.days)}`,
    ...mailBody({
      paragraphs: [
        `Hello ${name},`,
        overdue
          ? `${teamName} (${organisationName}) was due to assess itself again on ${date}, and has not yet. A fresh assessment shows whether the weakest stave has moved.`
          : `${teamName} (${organisationName}) is due to assess itself again ${inDays(reminder.days)}, on ${date}.`,
        "You get this because you are in the team and assessment reminders are on in your Stave account.",
      ],
      action: { label: `Open ${teamName}`, href: teamLink },
      unsubscribe,
    }),
  };
}

export type ActionReminderMailInput = {
  to: string;
  name: string;
  title: string;
  teamName: string;
  dueOn: string;
  days: number;
  /** Whether the reader owns the action, or hears of it as one of the team (it has no owner in Stave). */
  owner: boolean;
  actionsLink: string;
  unsubscribe: string;
};

/** A reminder that an improvement action is due tomorrow, today, or is overdue. */
export function actionReminderMail({ to, name, title, teamName, dueOn, days, owner, actionsLink, unsubscribe }: ActionReminderMailInput): MailMessage {
  const date = formatDate(`${dueOn}T00:00:00Z`);
  const when = days < 0 ? `was due on ${date}` : `is due ${inDays(days)} (${date})`;
  return {
    to,
    subject: days < 0 ? `Improvement action overdue: ${title}` : `Improvement action due ${inDays(days)}: ${title}`,
    ...mailBody({
      paragraphs: [
        `Hello ${name},`,
        `The improvement action “${title}” of ${teamName} ${when}${days < 0 ? " and is still open" : ""}.`,
        owner
          ? "You get this because you own the action and improvement action reminders are on in your Stave account."
          : "You get this because you are in the team, the action has no owner in Stave, and improvement action reminders are on in your Stave account.",
      ],
      action: { label: "Open the improvement plan", href: actionsLink },
      unsubscribe,
    }),
  };
}

export type TargetReminderMailInput = {
  to: string;
  name: string;
  teamName: string;
  /** The target in words: "Raise Observability from 1.9 to level 3 by 31 Mar 2027". */
  targetText: string;
  reminder: TargetReminder;
  trendLink: string;
  unsubscribe: string;
};

/** A target reached, or missed: its team hears of it once. */
export function targetReminderMail({ to, name, teamName, targetText, reminder, trendLink, unsubscribe }: TargetReminderMailInput): MailMessage {
  const reached = reminder.occasion === "target-reached";
  return {
    to,
    subject: reached ? `${teamName} reached its target` : `${teamName} missed its target`,
    ...mailBody({
      paragraphs: [
        `Hello ${name},`,
        `${teamName}'s target: ${targetText}.`,
        outcomeText(reminder.outcome),
        reached ? "Time to choose the next weakest stave to raise." : "The next assessment shows where the area stands now; a new target can be set on it.",
        "You get this because you are in the team and target reminders are on in your Stave account.",
      ],
      action: { label: `See ${teamName}'s trend`, href: trendLink },
      unsubscribe,
    }),
  };
}
