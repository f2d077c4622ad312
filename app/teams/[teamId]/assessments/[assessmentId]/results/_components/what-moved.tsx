import { button, card, field } from "@/components/ui/styles";
import { formatDate, formatChange, formatScore } from "@/lib/format";
import { scoreDigits } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { reviewText, type ReviewCounts } from "@/lib/carry";
import type { WhatMoved } from "@/lib/what-moved";
import type { LoweredAnswer } from "@/lib/counted-answers";
import { answerLabel } from "@/lib/model/lookup";

type Earlier = { id: string; submittedAt: string };

/**
 * "What moved" against an earlier assessment of the team: the effect on the headline, the answers
 * that made the difference, and every changed answer by area.
 */
export function WhatMovedSection({
  moved,
  before,
  after,
  earlier,
  comparedWith,
  review,
  lowered = [],
}: {
  moved: WhatMoved;
  before: Model;
  after: Model;
  earlier: readonly Earlier[];
  comparedWith: Earlier;
  /** Set when this assessment was started from the one compared with: what reviewing its answers came to. */
  review?: ReviewCounts;
  /** Answers of this assessment its scores count lower than given: part of why it moved. */
  lowered?: readonly LoweredAnswer[];
}) {
  const digits = scoreDigits(after);
  const areaName = (id: string) => moved.areas.find((a) => a.areaId === id)?.name ?? id;
  const changed = moved.areas.filter((a) => a.changes.length > 0 || (a.delta ?? 0) !== 0);
  const total = moved.areas.reduce((n, a) => n + a.changes.length, 0);
  return (
    <section id="what-moved" className={`${card} print-unboxed space-y-4`} aria-labelledby="what-moved-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="what-moved-heading" className="text-lg font-semibold">
          What moved since {formatDate(comparedWith.submittedAt)}
        </h2>
        {earlier.length > 1 && (
          <form method="get" className="no-print flex items-end gap-2">
            <div>
              <label htmlFor="compare" className={field.label}>
                Compare with
              </label>
              <select id="compare" name="compare" defaultValue={comparedWith.id} className={field.input}>
                {earlier.map((e) => (
                  <option key={e.id} value={e.id}>
                    {formatDate(e.submittedAt)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={button.secondary}>
              Compare
            </button>
          </form>
        )}
      </div>

      <p data-testid="what-moved-headline">
        Water level {formatScore(moved.waterLevel.from, digits)} → <strong>{formatScore(moved.waterLevel.to, digits)}</strong> (
        {formatChange(moved.waterLevel.delta, digits)}).{" "}
        {moved.weakest.changed
          ? `The weakest stave is now ${moved.weakest.to.map(areaName).join(", ")} (was ${moved.weakest.from.map(areaName).join(", ")}).`
          : `The weakest stave is still ${moved.weakest.to.map(areaName).join(", ")}.`}{" "}
        {total === 0 ? "No answer changed." : `${total} answer${total === 1 ? "" : "s"} changed.`}
      </p>

      {review && (
        <p className="text-sm text-stone-700" data-testid="what-moved-review">
          This assessment was started from that one&apos;s answers: {reviewText(review)}.
        </p>
      )}

      {moved.madeTheDifference.length > 0 && (
        <div>
          <h3 className="font-semibold">What made the difference</h3>
          <p className="text-sm text-stone-600">
            The changed answers in the area{moved.weakest.to.length > 1 ? "s" : ""} that set the water level now, largest change first.
          </p>
          <ul className="mt-2 space-y-1 text-sm" data-testid="made-the-difference">
            {moved.madeTheDifference.map((c) => (
              <li key={c.questionId}>
                <span className="font-medium">{c.title}</span> ({areaName(c.areaId)}): {answerLabel(before, c.from)} → {answerLabel(after, c.to)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {changed.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="what-moved-table">
            <caption className="sr-only">Each area's score before and after, with the answers that changed</caption>
            <thead className="border-b border-stone-300 text-stone-700">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Area and question
                </th>
                <th scope="col" className="py-2 pr-3">
                  Before
                </th>
                <th scope="col" className="py-2 pr-3">
                  Now
                </th>
                <th scope="col" className="py-2">
                  Change
                </th>
              </tr>
            </thead>
            {changed.map((area) => (
              <tbody key={area.areaId} className="border-b border-stone-200">
                <tr className="bg-stone-50">
                  <th scope="row" className="py-2 pr-3 font-semibold">
                    {area.name}
                  </th>
                  <td className="py-2 pr-3 tabular-nums">{formatScore(area.from, digits)}</td>
                  <td className="py-2 pr-3 tabular-nums">{formatScore(area.to, digits)}</td>
                  <td className="py-2 tabular-nums">{formatChange(area.delta, digits)}</td>
                </tr>
                {area.changes.map((c) => (
                  <tr key={c.questionId} data-question={c.questionId}>
                    <th scope="row" className="py-1.5 pl-4 pr-3 font-normal">
                      {c.title}
                    </th>
                    <td className="py-1.5 pr-3">{answerLabel(before, c.from)}</td>
                    <td className="py-1.5 pr-3">{answerLabel(after, c.to)}</td>
                    <td className="py-1.5 tabular-nums">{c.effect === null ? "–" : c.effect > 0 ? `+${c.effect}` : c.effect === 0 ? "±0" : `−${-c.effect}`}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}

      {lowered.length > 0 && (
        <div>
          <h3 className="font-semibold">Counted lower than answered</h3>
          <ul className="mt-1 space-y-1 text-sm" data-testid="what-moved-lowered">
            {lowered.map((l) => (
              <li key={l.questionId}>
                <span className="font-medium">{l.title}</span> ({areaName(l.areaId)}): counted as {answerLabel(after, l.counted)} because {l.why}.
              </li>
            ))}
          </ul>
        </div>
      )}

      {(moved.added.length > 0 || moved.removed.length > 0) && (
        <p className="text-sm text-stone-700">
          The two assessments use different model versions ({before.version} and {after.version}); only questions in both are compared.
          {moved.added.length > 0 && ` Added since: ${moved.added.map((q) => q.title).join("; ")}.`}
          {moved.removed.length > 0 && ` Removed since: ${moved.removed.map((q) => q.title).join("; ")}.`}
        </p>
      )}
    </section>
  );
}
