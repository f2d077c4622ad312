import type { Results } from "../contracts/results";
import type { TrendContract } from "../contracts/trend";
import type { WorkshopReportResource } from "../contracts/workshop";
import { formatDate, formatScore } from "../format";
import { plural } from "../words";
import type { ScoreDigits } from "../model/scoring-rules";
import type { WebhookEvent } from "./events";

// What each event's message carries (the `data` of a Standard Webhooks message), and the same
// message as a sentence for a Slack-compatible incoming webhook ({ "text": … }).

/** A submission, and the team's previous one of the same model (what the change is measured against). */
export type SubmissionData = { results: Results; previous: { assessmentId: string; submittedAt: string; waterLevel: number | null; weakest: string[] } | null };
export type TargetData = { teamId: string; teamName: string; target: TrendContract["targets"][number] };
export type OverdueData = { teamId: string; teamName: string; cadence: string; lastSubmittedAt: string; dueOn: string };
export type WorkshopData = { workshopId: string; report: WorkshopReportResource };

export type WebhookData = {
  "assessment.submitted": SubmissionData;
  "weakest-stave.changed": SubmissionData;
  "water-level.dropped": SubmissionData;
  "target.reached": TargetData;
  "target.missed": TargetData;
  "assessment.overdue": OverdueData;
  "workshop.ended": WorkshopData;
};

/** The Standard Webhooks message: type, when it happened, and its data. */
export const webhookEnvelope = <E extends WebhookEvent>(type: E, timestamp: Date, data: WebhookData[E]) => ({ type, timestamp: timestamp.toISOString(), data });

const digitsOf = (results: Results) => results.decimals as ScoreDigits;

function weakestNames(results: Results, ids: readonly string[]): string {
  const names = ids.map((id) => results.score.areas.find((a) => a.areaId === id)?.name ?? id);
  return names.length === 0 ? "none" : names.join(" and ");
}

/** Slack's mrkdwn treats &, < and > as markup: escape them in people's words. */
const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const link = (url: string, label: string) => `<${url}|${escape(label)}>`;

/** The message as one or two sentences with a link to the page it is about (`origin`: where people reach Stave). */
export function slackText<E extends WebhookEvent>(event: E, data: WebhookData[E], origin: string): string {
  switch (event) {
    case "assessment.submitted":
    case "weakest-stave.changed":
    case "water-level.dropped": {
      const { results, previous } = data as SubmissionData;
      const digits = digitsOf(results);
      const page = `${origin}/teams/${results.teamId}/assessments/${results.assessmentId}/results`;
      const level = `water level ${formatScore(results.score.waterLevel, digits)}`;
      const weakest = `weakest stave ${weakestNames(results, results.score.weakest)}`;
      const lead =
        event === "weakest-stave.changed" && previous
          ? `*${escape(results.teamName)}*'s weakest stave is now ${weakestNames(results, results.score.weakest)} (it was ${weakestNames(results, previous.weakest)})`
          : event === "water-level.dropped" && previous
            ? `*${escape(results.teamName)}*'s water level dropped from ${formatScore(previous.waterLevel, digits)} to ${formatScore(results.score.waterLevel, digits)}`
            : `*${escape(results.teamName)}* submitted an assessment: ${level}, ${weakest}`;
      return `${lead}. ${link(page, `Results of ${results.model.modelName} ${results.model.modelVersion}`)}`;
    }
    case "target.reached":
    case "target.missed": {
      const { teamId, teamName, target } = data as TargetData;
      const page = `${origin}/teams/${teamId}/trend`;
      const what = `${escape(target.areaName)} to level ${target.level} by ${formatDate(target.dueOn)}`;
      return event === "target.reached"
        ? `*${escape(teamName)}* reached its target: ${what}. ${link(page, "Trend")}`
        : `*${escape(teamName)}* missed its target: ${what}. ${link(page, "Trend")}`;
    }
    case "assessment.overdue": {
      const { teamId, teamName, dueOn } = data as OverdueData;
      return `*${escape(teamName)}*'s next assessment was due on ${formatDate(dueOn)}. ${link(`${origin}/teams/${teamId}`, "Team page")}`;
    }
    case "workshop.ended": {
      const { workshopId, report } = data as WorkshopData;
      const agreed = report.agreement
        ? ` The room agreed to raise ${escape(report.agreement.areaName)} to level ${report.agreement.level} by ${formatDate(report.agreement.dueOn)}.`
        : "";
      return `*${escape(report.teamName)}*'s workshop ended: ${plural(report.participants, "participant")} voted on ${plural(report.questions.length, "question")}.${agreed} ${link(`${origin}/workshops/${workshopId}/report`, "Workshop report")}`;
    }
  }
  return event satisfies never;
}
