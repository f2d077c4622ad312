import type { Results, ResultsAnswer } from "../contracts/results";
import type { TrendContract } from "../contracts/trend";
import { toCsv } from "../csv";
import { isoDate } from "../format";
import { actionStatusLabels, ownerLabel, type ImprovementAction } from "../improvement-actions";
import { answerLabel, questionsOf } from "../model/lookup";
import type { Model } from "../model/schema";

// A team's own figures as CSV, with the dashboard exports' rules (lib/csv.ts: RFC 4180, a byte
// order mark, formula-like text neutralised; dates as ISO 8601, scores as stored).

// Added after the first columns, so a reader of the earlier columns by position still reads them.
const EVIDENCE_AND_MEASURED = [
  "Evidence state",
  "Evidence expires on",
  "Evidence",
  "Measured level",
  "Measured by",
  "Measured quarter",
  "Metric value",
  "Capped by measured level",
];

/** An answer's evidence (its state when exported) and what delivery data measured, as the last columns. */
function evidenceAndMeasured(answer: ResultsAnswer | undefined): (string | number | null)[] {
  const e = answer?.evidence;
  const m = answer?.measured;
  return [
    e?.state ?? "",
    e?.expiresOn ?? "",
    e?.items.join("; ") ?? "",
    m?.level ?? null,
    m?.metric ?? "",
    m?.quarter ?? "",
    m?.metricValue ?? null,
    m ? (m.capped ? "yes" : "no") : "",
  ];
}

/**
 * A results page per question: its area and the area's score, the answer, the team's note, then the
 * answer's evidence and its state on the day of the export, and the measured level.
 */
export function resultsCsv(results: Results, model: Model): string {
  const scoreOf = new Map(results.score.areas.map((a) => [a.areaId, a.score]));
  const answerOf = new Map(results.answers.map((a) => [a.questionId, a]));
  const notes = results.answers.some((a) => a.note !== undefined);
  return toCsv(
    [
      "Assessed on",
      "Area",
      "Area score",
      "Question id",
      "Question",
      "Answer",
      "Level",
      "Reason not applicable",
      ...(notes ? ["Note"] : []),
      ...EVIDENCE_AND_MEASURED,
    ],
    questionsOf(model).map(({ area, question }) => {
      const answer = answerOf.get(question.id);
      const value = answer?.value;
      return [
        isoDate(results.submittedAt),
        area.name,
        scoreOf.get(area.id) ?? null,
        question.id,
        question.title,
        answerLabel(model, value),
        value?.kind === "level" ? value.level : null,
        value?.kind === "not_applicable" ? value.reason : "",
        ...(notes ? [answer?.note ?? ""] : []),
        ...evidenceAndMeasured(answer),
      ];
    }),
  );
}

/** A team's trend: one row per submitted assessment, oldest first, every area's score. */
export function trendCsv(trend: TrendContract): string {
  const nameOf = new Map(trend.areas.map((a) => [a.areaId, a.name]));
  return toCsv(
    ["Assessed on", "Model", "Model version", "Water level", "Weakest stave", "Spill", ...trend.areas.map((a) => a.name), "Respondents"],
    trend.points.map((p) => [
      isoDate(p.submittedAt),
      p.modelId,
      p.modelVersion,
      p.waterLevel,
      p.weakest.map((id) => nameOf.get(id) ?? id).join("; "),
      p.spill,
      ...trend.areas.map((a) => p.areas.find((s) => s.areaId === a.areaId)?.score ?? null),
      p.respondents?.count ?? 1,
    ]),
  );
}

/** A team's improvement actions, in the order the team keeps them, with what each aims at in words. */
export function actionsCsv(actions: readonly (ImprovementAction & { aim: string })[]): string {
  return toCsv(
    ["Title", "Aims at", "Status", "Owner", "Due on", "Agreed on", "Description"],
    actions.map((a) => [a.title, a.aim, actionStatusLabels[a.status], ownerLabel(a), a.dueOn ?? "", isoDate(a.agreedOn), a.description ?? ""]),
  );
}
