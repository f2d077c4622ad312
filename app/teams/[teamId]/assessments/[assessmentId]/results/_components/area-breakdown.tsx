import type { ResultsAnswer } from "@/lib/contracts/results";
import { card } from "@/components/ui/styles";
import { decimalsText, formatScore } from "@/lib/format";
import { scoreDigits } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { spreadText, type AreaSpread } from "@/lib/respondents";
import type { AssessmentScore } from "@/lib/scoring";
import { answerLabel, findQuestion, unsureCounts } from "@/lib/model/lookup";
import { rollupSteps } from "@/lib/score-explanation";
import { AnswerEvidence } from "@/components/evidence-summary";
import { staleByArea, type AssessmentEvidence } from "@/lib/evidence/stored";
import { plural } from "@/lib/words";
import type { MeasuredResult } from "@/lib/delivery/measured-answers";
import { countedAnswers } from "@/lib/counted-answers";
import { lowers, type EvidenceLapse } from "@/lib/evidence/lapses";
import { formatDate } from "@/lib/format";

type Props = {
  model: Model;
  score: AssessmentScore;
  answers: readonly ResultsAnswer[];
  /** With several respondents: how far apart they were, per area in model order. */
  spreads?: readonly AreaSpread[];
  /** Each answer's evidence and whether it is stale now. */
  evidence?: AssessmentEvidence["saved"];
  /** What delivery data says about the measured questions, and which answers it capped in the scores. */
  measured: readonly MeasuredResult[];
  /** Answers counted lower because their evidence lapsed. */
  lapses?: readonly EvidenceLapse[];
};

/** Every area's score, how it was computed, each answer behind it, and the respondents' spread. */
export function AreaBreakdown({ model, score, answers, spreads, evidence = {}, measured, lapses = [] }: Props) {
  const stale = staleByArea(model, Object.values(evidence));
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const byMeasured = new Map(measured.map((m) => [m.questionId, m]));
  // The scores count a capped answer as its measured level and a lapsed one lower: so does the explanation.
  const given = new Map(answers.map((a) => [a.questionId, a.value]));
  const values = countedAnswers(model, given, { caps: measured.filter((m) => m.capped), lapses });
  const lowering = lapses.filter((l) => lowers(model, given.get(l.questionId)));
  const digits = scoreDigits(model);
  // Scored on the scale, unsure counts as its lowest level; with a declared scoring, as that level's score.
  const unsure = model.scoring?.levels ? `${unsureCounts(model)}` : `level ${unsureCounts(model)}`;
  return (
    <section aria-labelledby="breakdown-heading" className="space-y-4">
      <h2 id="breakdown-heading" className="text-lg font-semibold">
        Area by area
      </h2>
      {/* On paper the areas run in two columns: their tables are narrow (a note goes under its question), and a results print stays short.
          The heading stays outside the columns, where it keeps to the first card rather than to the foot of a page. */}
      <div className="space-y-4 print:columns-2 print:gap-x-4">
        {model.areas.map((area) => {
          const s = score.areas.find((a) => a.areaId === area.id)!;
          const weakest = score.weakest.includes(area.id);
          const spread = spreads?.find((x) => x.areaId === area.id);
          const steps = s.scored > 0 ? rollupSteps(model, area, values) : null;
          const capped = measured.filter((m) => m.capped && m.areaId === area.id);
          const lapsed = lowering.filter((l) => area.questions.some((q) => q.id === l.questionId));
          return (
            <section key={area.id} className={`${card} print:break-inside-avoid ${weakest ? "border-weak-500" : ""}`} aria-labelledby={`area-${area.id}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`area-${area.id}`} className="text-base font-semibold">
                  {area.name}
                  {weakest && <span className="ml-2 rounded bg-weak-500/10 px-2 py-0.5 text-xs font-semibold text-weak-700">weakest stave</span>}
                  {capped.length > 0 && (
                    <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">lowered by delivery data</span>
                  )}
                  {lapsed.length > 0 && (
                    <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">lowered by stale evidence</span>
                  )}
                </h3>
                <p className="text-lg font-bold" data-testid={`area-score-${area.id}`}>
                  {formatScore(s.score, digits)}
                  {s.percent !== null && <span className="ml-1 text-sm font-normal text-stone-600">({s.percent}%)</span>}
                </p>
              </div>
              {spread && (
                <p className={`text-sm ${spread.disagreements > 0 ? "text-weak-700" : "text-stone-700"}`} data-testid={`area-spread-${area.id}`}>
                  {spread.disagreements > 0 && <span aria-hidden="true">⚑ </span>}
                  {spreadText(spread, digits)}
                </p>
              )}
              {stale[area.id] && (
                <p className="text-sm font-medium text-red-800" data-testid={`area-stale-${area.id}`}>
                  {plural(stale[area.id]!, "answer")} with stale evidence
                </p>
              )}
              <details className="no-print mt-1 text-sm text-stone-700">
                <summary className="cursor-pointer py-1 text-wood-700">How was this computed?</summary>
                {steps && (
                  <ol className="mt-1 list-decimal space-y-0.5 pl-5" aria-label={`How ${area.name}'s score was rolled up`}>
                    {steps.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                    <li>
                      Shown to {decimalsText(digits)}: {formatScore(s.score, digits)}.
                    </li>
                  </ol>
                )}
                {lapsed.map((l) => (
                  <p key={l.questionId} className="mt-1">
                    {findTitle(model, l.questionId)}: counted as {answerLabel(model, values.get(l.questionId))}, not the answer given: its evidence expired on{" "}
                    {formatDate(l.expiredOn)} and the organisation counts stale evidence {l.counted === "as_unsure" ? "as unsure" : "one level lower"}.
                  </p>
                ))}
                {capped.map((m) => (
                  <p key={m.questionId} className="mt-1">
                    {findTitle(model, m.questionId)}: counted as {m.level}, the level delivery data measured ({m.reading}), not the answer given: the
                    organisation lets measured levels cap answers.
                  </p>
                ))}
                <p className="mt-1">
                  {steps
                    ? ""
                    : s.scored > 0
                      ? `Sum of ${s.scored} scored answer${s.scored === 1 ? "" : "s"} = ${s.sum}; ${s.sum} ÷ ${s.scored} = ${formatScore(s.score, digits)}.`
                      : "No scored answers: every question was not applicable, so this area is left out of the water level."}
                  {s.unsure > 0 && ` ${s.unsure} unsure answer${s.unsure === 1 ? "" : "s"} counted as ${unsure}.`}
                  {s.notApplicable > 0 && ` ${s.notApplicable} not-applicable answer${s.notApplicable === 1 ? "" : "s"} left out.`}
                </p>
              </details>
              <div className="mt-3 overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Answers for {area.name}</caption>
                  <thead className="text-stone-600">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Question
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Answer
                      </th>
                      <th scope="col" className="py-1 font-medium print:hidden">
                        Note
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {area.questions.map((q) => {
                      const a = byQuestion.get(q.id);
                      return (
                        <tr key={q.id} className="align-top">
                          <th scope="row" className="py-2 pr-3 font-medium print:py-1">
                            {q.title}
                            {/* On paper a note runs under its question: a third column in a half-page card wraps every question onto three lines. */}
                            {a?.note && <span className="hidden font-normal text-stone-700 print:block">{a.note}</span>}
                          </th>
                          <td className={`py-2 pr-3 print:py-1 print:whitespace-nowrap ${a?.value.kind === "unsure" ? "font-semibold text-amber-800" : ""}`}>
                            {answerLabel(model, a?.value)}
                            {a?.value.kind === "not_applicable" && <span className="block text-stone-600 print:whitespace-normal">{a.value.reason}</span>}
                            {evidence[q.id] && <AnswerEvidence evidence={evidence[q.id]!} />}
                            {byMeasured.has(q.id) && <MeasuredNote measured={byMeasured.get(q.id)!} />}
                            {lowering.some((l) => l.questionId === q.id) && (
                              <span className="block text-xs font-medium text-red-800">
                                counts as {answerLabel(model, values.get(q.id))}: its evidence is stale
                              </span>
                            )}
                          </td>
                          <td className="py-2 text-stone-700 print:hidden">{a?.note ?? ""}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })}
      </div>
    </section>
  );
}

const findTitle = (model: Model, questionId: string) => findQuestion(model, questionId)?.question.title ?? questionId;

/** What the data says, under the answer: in amber where the answer is above it. */
function MeasuredNote({ measured }: { measured: MeasuredResult }) {
  return (
    <span
      className={`mt-1 block text-sm print:whitespace-normal ${measured.above ? "text-amber-900" : "text-stone-700"}`}
      data-testid={`measured-${measured.questionId}`}
    >
      <span className="font-medium">{measured.sentence}</span>
      <span className="block text-stone-600">
        Measured over {measured.quarter}
        {measured.capped ? `; the scores count ${measured.level}.` : "."}
      </span>
    </span>
  );
}
