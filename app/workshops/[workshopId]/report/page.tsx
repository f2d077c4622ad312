import type { Metadata } from "next";
import { PrintButton } from "@/components/ui/print-button";
import { IntentLink } from "@/components/ui/intent-link";
import { button } from "@/components/ui/styles";
import { formatChange, formatDate, formatScore } from "@/lib/format";
import { nextBottleneckText, voteWords } from "@/lib/workshop/report";
import { page } from "@/server/page";
import { HandOver } from "@/app/_components/hand-over";
import { workshopReportView } from "@/views/workshop-report";

export const metadata: Metadata = { title: "Workshop report" };

type Props = { params: Promise<{ workshopId: string }> };

/** The workshop's recap for paper: every question voted on, and each area against the last assessment. */
export default page(async ({ ctx }, { params }: Props) => {
  const { workshopId } = await params;
  const { report: r } = await workshopReportView(ctx, workshopId);
  const assessmentHref = `/teams/${r.teamId}/assessments/${r.assessmentId}`;
  const exportHref = (format: string) => `/workshops/${workshopId}/report/export?format=${format}`;
  return (
    <article className="report space-y-6">
      <HandOver workshopId={workshopId} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-wood-900">Workshop: {r.teamName}</h1>
          <p className="text-stone-700">
            {r.model} · opened {formatDate(r.openedAt)}
            {r.endedAt && <> · ended {formatDate(r.endedAt)}</>} · {r.participants} participant{r.participants === 1 ? "" : "s"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 no-print">
          <PrintButton />
          <a className={button.secondary} href={exportHref("md")}>
            Markdown
          </a>
          <a className={button.secondary} href={exportHref("json")}>
            JSON
          </a>
        </div>
      </div>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-lg font-semibold">
          Questions
        </h2>
        {r.questions.length === 0 ? (
          <p className="text-stone-700">No question has been voted on yet.</p>
        ) : (
          <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Each question voted on: the votes per level, median, spread, what was agreed and the note</caption>
              <thead className="bg-stone-100 text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Question
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Votes per level
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Median
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Spread
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Agreed
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Note
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {r.questions.map((q) => (
                  <tr key={q.number} className="print-avoid-break" data-testid="report-question">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {q.number}. {q.title}
                      <span className="block text-xs font-normal text-stone-600">{q.area}</span>
                      {q.tally.disagrees && <span className="block text-xs font-semibold text-weak-700">The room disagreed</span>}
                    </th>
                    <td className="px-3 py-2 tabular-nums">
                      {q.tally.levels.map((l) => `${l.level}: ${l.count}`).join(" · ")}
                      {(q.tally.unsure > 0 || q.tally.notApplicable > 0) && (
                        <span className="block">
                          unsure {q.tally.unsure} · n/a {q.tally.notApplicable}
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">{q.tally.median ?? "–"}</td>
                    <td className="px-3 py-2">{q.tally.spread ?? "–"}</td>
                    <td className="px-3 py-2 font-semibold">{voteWords(q.consensus)}</td>
                    <td className="px-3 py-2">{q.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="next-heading" className="rounded-xl border border-wood-300 bg-wood-50 p-5 print-avoid-break">
        <h2 id="next-heading" className="text-lg font-semibold">
          Next bottleneck
        </h2>
        <p className="mt-1 text-stone-800" data-testid="next-bottleneck">
          {nextBottleneckText(r.next)}
        </p>
        <IntentLink className={`${button.primary} mt-3 no-print`} href={`${assessmentHref}${r.next.submitted ? "/results#plan" : ""}`}>
          {r.next.submitted
            ? "See the results, the target and the actions"
            : r.next.open > 0
              ? "Answer the open questions"
              : "Review and submit the assessment"}
        </IntentLink>
      </section>

      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading" className="text-lg font-semibold">
          Areas{r.previousOn ? `, against the assessment of ${formatDate(r.previousOn)}` : ""}
        </h2>
        <p className="text-sm text-stone-600">
          From the team answers so far (the workshop&apos;s and any given outside it); an area with no answers yet shows –.
        </p>
        <table className="mt-2 w-full max-w-xl text-left text-sm">
          <caption className="sr-only">Area scores now and at the previous assessment</caption>
          <thead className="bg-stone-100 text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Area
              </th>
              <th scope="col" className="px-3 py-2">
                Now
              </th>
              <th scope="col" className="px-3 py-2">
                Before
              </th>
              <th scope="col" className="px-3 py-2">
                Change
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {r.areas.map((a) => (
              <tr key={a.areaId}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {a.name}
                </th>
                <td className="px-3 py-2">{formatScore(a.now)}</td>
                <td className="px-3 py-2">{formatScore(a.before)}</td>
                <td className="px-3 py-2">{formatChange(a.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
});
