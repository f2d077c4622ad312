import type { Metadata } from "next";
import { PrintButton } from "@/components/ui/print-button";
import { IntentLink } from "@/components/ui/intent-link";
import { button } from "@/components/ui/styles";
import { formatChange, formatDate, formatScore } from "@/lib/format";
import { agreedActionDetail, agreementText } from "@/lib/workshop/agreement";
import { byRounds, nextBottleneckText, voteWords, type WorkshopReport } from "@/lib/workshop/report";
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
      <nav aria-label="Breadcrumb" className="no-print text-sm text-stone-600">
        <IntentLink href="/teams" className="hover:underline">
          Teams
        </IntentLink>{" "}
        /{" "}
        <IntentLink href={`/teams/${r.teamId}`} className="hover:underline">
          {r.teamName}
        </IntentLink>{" "}
        /{" "}
        <IntentLink href={assessmentHref} className="hover:underline">
          Assessment
        </IntentLink>{" "}
        /{" "}
        {r.next.submitted ? (
          <IntentLink href={`${assessmentHref}/results`} className="hover:underline">
            Results
          </IntentLink>
        ) : (
          <IntentLink href={`${assessmentHref}/workshop`} className="hover:underline">
            Workshop
          </IntentLink>
        )}{" "}
        / <span aria-current="page">Report</span>
      </nav>
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
                      {q.rounds.length > 1 ? (
                        <ol className="space-y-1" aria-label={`Rounds of question ${q.number}`}>
                          {q.rounds.map((round) => (
                            <li key={round.round} data-testid="report-round">
                              <span className="font-medium">Round {round.round}</span> (spread {round.tally.spread ?? "–"}): <TallyText tally={round.tally} />
                            </li>
                          ))}
                        </ol>
                      ) : (
                        <TallyText tally={q.tally} />
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{byRounds(q, (t) => t.median)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{byRounds(q, (t) => t.spread)}</td>
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
          {nextBottleneckText(r.next, r.agreement !== null, r.decimals)}
        </p>
        {r.agreement ? (
          <div className="mt-3" data-testid="report-agreement">
            <p className="font-semibold text-wood-900">Agreed: {agreementText(r.agreement, r.decimals)}</p>
            <h3 className="mt-2 text-sm font-semibold text-stone-800">First actions</h3>
            <ol className="list-decimal space-y-1 pl-5 text-stone-800">
              {r.agreement.actions.map((a, i) => (
                <li key={i}>
                  {a.title}
                  {agreedActionDetail(a) && <span className="text-stone-600"> · {agreedActionDetail(a)}</span>}
                </li>
              ))}
            </ol>
            {r.agreement.appliedAt && <p className="mt-2 text-sm text-stone-700">It is the submitted assessment&apos;s target and first actions.</p>}
          </div>
        ) : (
          !r.next.submitted && (
            <p className="mt-1 text-sm text-stone-700">The room has not recorded an agreement yet: the facilitator records it at the end of the workshop.</p>
          )
        )}
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
                <td className="px-3 py-2">{formatScore(a.now, r.decimals)}</td>
                <td className="px-3 py-2">{formatScore(a.before, r.decimals)}</td>
                <td className="px-3 py-2">{formatChange(a.change, r.decimals)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
});

/** Votes per level, and unsure and not applicable when there were any. */
function TallyText({ tally }: { tally: WorkshopReport["questions"][number]["tally"] }) {
  return (
    <>
      {tally.levels.map((l) => `${l.level}: ${l.count}`).join(" · ")}
      {(tally.unsure > 0 || tally.notApplicable > 0) && (
        <span className="block">
          unsure {tally.unsure} · n/a {tally.notApplicable}
        </span>
      )}
    </>
  );
}
