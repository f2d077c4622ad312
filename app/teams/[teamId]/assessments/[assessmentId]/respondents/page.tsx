import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import { VoteDistribution } from "@/components/workshop/vote-distribution";
import { spreadText } from "@/lib/respondents";
import { answerLabel } from "@/lib/model/lookup";
import { scoreDigits } from "@/lib/model/scoring-rules";
import { plural } from "@/lib/words";
import { page } from "@/server/page";
import { respondentsView } from "@/views/respondents";
import { SubmitTeamAnswers } from "./_components/submit-team-answers";
import { TeamAnswerForm } from "./_components/team-answer-form";

type Props = { params: Promise<{ teamId: string; assessmentId: string }> };

export const metadata: Metadata = { title: "Team answers" };

const choiceOf = (v: { kind: string; level?: number } | undefined) => (!v ? "" : v.kind === "level" ? String(v.level) : v.kind);

/** The lead's page of an assessment answered by each member: everyone's answers, the spread, the team answers, submit. */
export default page(async ({ ctx }, { params }: Props) => {
  const { model, draft, responses: view, ...assessment } = await respondentsView(ctx, await params);
  const levels = model.scale.map((l) => ({ value: l.value, label: l.label }));
  const base = `/teams/${assessment.teamId}/assessments/${assessment.assessmentId}`;
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">
            Teams
          </IntentLink>{" "}
          /{" "}
          <IntentLink href={`/teams/${assessment.teamId}`} className="hover:underline">
            {assessment.teamName}
          </IntentLink>{" "}
          /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">Team answers: {assessment.teamName}</h1>
        <p className="mt-1 text-sm text-stone-700">
          Each member answers {model.name} on their own{view.mode === "anonymous" ? ", anonymously: you see the levels, not who chose them" : ""}. The team
          answer of a question is the median of theirs until you set it.{" "}
          {draft ? (
            <IntentLink href={base} className="font-medium text-wood-700 underline">
              Answer it yourself
            </IntentLink>
          ) : (
            <IntentLink href={`${base}/results`} className="font-medium text-wood-700 underline">
              See the results
            </IntentLink>
          )}
        </p>
      </div>

      <section className={`${card} space-y-2`} aria-labelledby="who-heading">
        <h2 id="who-heading" className="text-lg font-semibold">
          {view.respondents.length} respondent{view.respondents.length === 1 ? "" : "s"} · {view.disagreements} question{view.disagreements === 1 ? "" : "s"}{" "}
          where the team disagrees
        </h2>
        {view.stillReviewing > 0 && (
          <p className="text-sm text-stone-700" data-testid="still-reviewing">
            {plural(view.stillReviewing, "member has", "members have")} answers carried from last cycle still to review: each counts here once its member keeps
            or changes it.
          </p>
        )}
        {view.respondents.length === 0 ? (
          <p className="text-sm text-stone-700">
            {view.stillReviewing > 0 ? "No answer counts yet." : "Nobody has answered yet."} Share the assessment's link with the team: each member answers on
            their own.
          </p>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Respondents">
            {view.respondents.map((r, i) => (
              <li key={i} className="rounded bg-stone-100 px-2 py-0.5">
                {r.name ?? `Respondent ${i + 1}`}: {r.answered} of {view.questions}
              </li>
            ))}
          </ul>
        )}
        {view.disagreements > 0 && (
          <p className="text-sm">
            Disagreements:{" "}
            {view.areas
              .flatMap((a) => a.questions.filter((q) => q.tally.disagrees))
              .map((q, i) => (
                <span key={q.questionId}>
                  {i > 0 && ", "}
                  <a href={`#${q.questionId}`} className="text-wood-700 underline">
                    {q.title}
                  </a>
                </span>
              ))}
          </p>
        )}
      </section>

      {view.areas.map((area) => (
        <section key={area.areaId} className={`${card} space-y-4`} aria-labelledby={`area-${area.areaId}`}>
          <div>
            <h2 id={`area-${area.areaId}`} className="text-lg font-semibold">
              {area.name}
            </h2>
            <p className="text-sm text-stone-700" data-testid="area-spread">
              {spreadText(area.spread, scoreDigits(model))}
            </p>
          </div>
          {area.questions.map((q) => (
            <article
              key={q.questionId}
              id={q.questionId}
              className="grid scroll-mt-4 gap-x-6 gap-y-2 border-t border-stone-200 pt-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
              aria-labelledby={`${q.questionId}-title`}
            >
              <h3 id={`${q.questionId}-title`} className="font-semibold md:col-span-2">
                {q.tally.disagrees && (
                  <span className="mr-1 text-weak-700" aria-hidden="true">
                    ⚑
                  </span>
                )}
                {q.title}
              </h3>
              <div>
                {q.tally.total > 0 ? (
                  <VoteDistribution
                    tally={q.tally}
                    byName={view.mode === "named" ? q.answers.map((a) => ({ name: a.name!, vote: a.value })) : undefined}
                    levels={levels}
                    noun="answer"
                  />
                ) : (
                  <p className="text-sm text-stone-600">Nobody has answered this yet.</p>
                )}
              </div>
              <div className="space-y-2">
                {q.answers.some((a) => a.note) && (
                  <ul className="list-disc pl-5 text-sm text-stone-700" aria-label="Respondents' notes">
                    {q.answers
                      .filter((a) => a.note)
                      .map((a, i) => (
                        <li key={i}>
                          {a.name ? <strong>{a.name}: </strong> : null}
                          {a.note}
                        </li>
                      ))}
                  </ul>
                )}
                <p className="text-sm" data-testid="team-answer">
                  <strong>Team answer:</strong> {q.team ? answerLabel(model, q.team.value) : "none yet"}
                  {q.team && (q.team.setByLead ? " (set by the lead)" : ` (the median of ${q.tally.total} answer${q.tally.total === 1 ? "" : "s"})`)}
                  {q.team?.note && <> · “{q.team.note}”</>}
                </p>
                {draft && (
                  <details className="rounded border border-stone-200 p-3">
                    <summary className="cursor-pointer text-sm font-medium text-wood-700">Set the team answer for “{q.title}”</summary>
                    <div className="mt-3">
                      <TeamAnswerForm
                        assessmentId={assessment.assessmentId}
                        questionId={q.questionId}
                        levels={levels}
                        choice={choiceOf(q.team?.value)}
                        reason={q.team?.value.kind === "not_applicable" ? q.team.value.reason : ""}
                        note={q.team?.setByLead ? (q.team.note ?? "") : ""}
                        setByLead={q.team?.setByLead ?? false}
                      />
                    </div>
                  </details>
                )}
              </div>
            </article>
          ))}
        </section>
      ))}

      {draft && (
        <section aria-labelledby="submit-heading" className="rounded-xl border border-wood-300 bg-wood-50 p-5">
          <h2 id="submit-heading" className="text-lg font-semibold">
            Submit the team answers
          </h2>
          <p className="mt-1 mb-3 text-sm text-stone-700">
            {view.open > 0
              ? `${view.open} question${view.open === 1 ? " has" : "s have"} no team answer yet: wait for the team, or set ${view.open === 1 ? "it" : "them"} yourself.`
              : "Every question has a team answer. Once submitted, the assessment is read-only; the results show the respondents and the spread."}
          </p>
          <SubmitTeamAnswers assessmentId={assessment.assessmentId} open={view.open} />
        </section>
      )}
    </div>
  );
});
