import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { listAssessments } from "@/db/queries/assessments";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { listTeamTargets } from "@/db/queries/targets";
import { actionsByAim, openActions, previousCycle } from "@/lib/improvement-cycle";
import { listOwnAnswers } from "@/db/queries/respondents";
import { carryOwnAnswers, lastCycleAnswers } from "@/db/queries/carry";
import { formatDate } from "@/lib/format";
import { areaQuestions, questionnaireOutline, resumePoint } from "@/lib/model/questionnaire";
import { byRespondents, leads } from "@/lib/respondents";
import { CarriedForward } from "./_components/carried-forward";
import { Questionnaire } from "./_components/questionnaire";
import { answeredIn, toLocalAnswer } from "./_components/local-answer";
import { loadAssessment } from "./load";

type Props = { params: Promise<{ teamId: string; assessmentId: string }> };

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: Props) {
  const { ctx, assessment } = await loadAssessment(params);
  if (assessment.status === "submitted") {
    redirect(`/teams/${assessment.teamId}/assessments/${assessment.id}/results`);
  }
  // What the last cycle agreed, carried into this one (read where it was agreed, not copied).
  const several = byRespondents(assessment.respondents);
  const source = assessment.carriedFrom;
  const [all, targets, actions, listed, last] = await Promise.all([
    listAssessments(ctx, assessment.teamId),
    listTeamTargets(ctx, assessment.teamId),
    listTeamActions(ctx, assessment.teamId),
    several ? listOwnAnswers(ctx, assessment.id) : assessment.answers,
    source ? lastCycleAnswers(ctx, source.id, assessment.model, several) : undefined,
  ]);
  // Answering on their own, a member's answers start as theirs last cycle the first time they open it.
  const own = several && listed.length === 0 && source ? await carryOwnAnswers(ctx, assessment.id, assessment.model) : listed;
  const submitted = all.flatMap((a) => (a.status === "submitted" ? [{ id: a.id, submittedAt: a.submittedAt! }] : []));
  const cycle = previousCycle(submitted, targets, actions);
  const open = openActions(actions);
  const aimed = Object.fromEntries(
    Object.entries(actionsByAim(open)).map(([aim, list]) => [aim, list.map(({ id, title, status, ownerName, dueOn }) => ({ id, title, status, ownerName, dueOn }))]),
  );
  const initial = Object.fromEntries(own.map((a) => [a.questionId, toLocalAnswer(a.value, a.note)]));
  const carried = Object.fromEntries(own.flatMap((a) => (a.carried ? [[a.questionId, a.carried]] : [])));
  const lastCycle = source && last ? {
    on: formatDate(source.submittedAt),
    answers: Object.fromEntries(last.answers.map((a) => [a.questionId, toLocalAnswer(a.value, a.note)])),
    added: last.added,
  } : undefined;
  const base = `/teams/${assessment.teamId}/assessments/${assessment.id}`;
  // The page carries the text of the area answering resumes at; the others come as they are reached.
  const outline = questionnaireOutline(assessment.model);
  const opening = outline.areas[resumePoint(outline, (id) => answeredIn(initial)(id) && carried[id] !== "unreviewed").areaIndex]!;
  const texts = { [opening.id]: areaQuestions(assessment.model, opening.id)! };
  const respondents = several ? { leadHref: leads(ctx.actor, assessment.openedBy) ? `${base}/respondents` : null } : undefined;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">Teams</IntentLink> /{" "}
          <IntentLink href={`/teams/${assessment.teamId}`} className="hover:underline">{assessment.teamName}</IntentLink> /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">
          {assessment.teamName}: {assessment.model.name} assessment
        </h1>
        <p className="mt-1 text-sm text-stone-700">
          Pick the description that matches what the team does today, not what it plans to do. Every answer saves as you
          choose it.{" "}
          <IntentLink href={`${base}/workshop`} className="font-medium text-wood-700 underline">
            Run it as a live workshop
          </IntentLink>{" "}
          to answer it together, voting from phones.
        </p>
        {assessment.model.coverage && (
          <p className="mt-1 text-sm text-stone-700" data-testid="coverage">
            <strong>Scope:</strong> {assessment.model.coverage}
          </p>
        )}
        {respondents && (
          <p className="mt-2 rounded-md border border-water-300 bg-stone-50 px-3 py-2 text-sm text-stone-800" data-testid="own-answers">
            <strong>These are your own answers.</strong> Each member of the team answers on their own
            {assessment.respondents === "anonymous" ? ", anonymously: the lead sees the levels chosen, not by whom" : "; the lead sees who chose what"}.
            The team answer is the median, until the lead sets it.{" "}
            {respondents.leadHref && (
              <IntentLink href={respondents.leadHref} className="font-medium text-wood-700 underline">
                See everyone&apos;s answers and the spread
              </IntentLink>
            )}
          </p>
        )}
      </div>
      <CarriedForward cycle={cycle} open={open} model={assessment.model} now={new Date()} />
      <Questionnaire
        assessmentId={assessment.id}
        model={outline}
        texts={texts}
        areasHref={`${base}/areas`}
        initial={initial}
        carried={carried}
        lastCycle={lastCycle}
        aimed={aimed}
        respondents={respondents}
      />
    </div>
  );
}
