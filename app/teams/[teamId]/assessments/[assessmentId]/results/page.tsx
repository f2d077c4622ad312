import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BarrelChart } from "@/components/charts/barrel-chart";
import { RadarChart } from "@/components/charts/radar-chart";
import { HeadlineNumbers } from "@/components/headline-numbers";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { getAssessment, type AssessmentDetail } from "@/db/queries/assessments";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { listMemberNames } from "@/db/queries/members";
import { listTeamScores } from "@/db/queries/scores";
import { listTeamTargets } from "@/db/queries/targets";
import { latestWorkshop } from "@/db/queries/workshops";
import { previousCycle } from "@/lib/improvement-cycle";
import { allows } from "@/lib/permissions";
import { leads } from "@/lib/respondents";
import { cycleVerdict, defaultTargetDate, targetAdvice, targetOutcome, toLaterScore } from "@/lib/target";
import { toAnswerMap } from "@/lib/answer";
import { reviewCounts, reviewText } from "@/lib/carry";
import { isUuid } from "@/lib/validation/ids";
import { whatMoved } from "@/lib/what-moved";
import { formatDate } from "@/lib/format";
import { scaleBounds } from "@/lib/model/lookup";
import { loadAssessment } from "../load";
import { AreaBreakdown } from "./_components/area-breakdown";
import { ImprovementPlan } from "./_components/improvement-plan";
import { LastCycle } from "./_components/last-cycle";
import { NextSteps } from "./_components/next-steps";
import { WhatMovedSection } from "./_components/what-moved";

type Props = {
  params: Promise<{ teamId: string; assessmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Results" };

export default async function ResultsPage({ params, searchParams }: Props) {
  const { ctx, assessment } = await loadAssessment(params);
  if (assessment.status !== "submitted") redirect(`/teams/${assessment.teamId}/assessments/${assessment.id}`);
  // One read of the team's stored scores serves this result, what moved and the targets.
  const mayLead = allows(ctx.actor, "assessments.edit", { teamMember: true }) && !assessment.teamArchived;
  const [scored, targets, actions, members, workshop] = await Promise.all([
    listTeamScores(ctx, assessment.teamId),
    listTeamTargets(ctx, assessment.teamId),
    listTeamActions(ctx, assessment.teamId),
    mayLead ? listMemberNames(ctx) : Promise.resolve([]),
    latestWorkshop(ctx, assessment.id),
  ]);
  const scoredHere = scored.find((s) => s.assessmentId === assessment.id);
  if (!scoredHere) notFound();
  const { score, spread } = scoredHere;
  const canEdit = mayLead && allows(ctx.actor, "assessments.edit", assessment.scope);
  const { model } = assessment;
  const { max } = scaleBounds(model);

  // What moved: against the previous submitted assessment, or an earlier one picked on the page.
  // Earlier submitted assessments of the same model, newest first (by when they were submitted).
  const earlier = scored
    .filter((s) => s.modelId === model.id && s.submittedAt < assessment.submittedAt!)
    .map((s) => ({ id: s.assessmentId, submittedAt: s.submittedAt }))
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
  const asked = (await searchParams).compare;
  const compareId = typeof asked === "string" && isUuid(asked) && earlier.some((e) => e.id === asked) ? asked : earlier[0]?.id;
  // Started from an earlier assessment: what reviewing its answers came to, which is what moved since it.
  const sourceId = assessment.carriedFrom?.id;
  const [compared, source] = await Promise.all([
    compareId ? getAssessment(ctx, compareId) : undefined,
    sourceId && sourceId !== compareId ? getAssessment(ctx, sourceId) : undefined,
  ]);
  const movedSince = (other: AssessmentDetail | undefined) => {
    const otherScore = other && scored.find((s) => s.assessmentId === other.id)?.score;
    return other && otherScore
      ? whatMoved({ model: other.model, answers: toAnswerMap(other.answers), score: otherScore }, { model, answers: toAnswerMap(assessment.answers), score })
      : undefined;
  };
  const moved = movedSince(compared);
  const movedSinceSource = sourceId === compareId ? moved : movedSince(source);
  const review = movedSinceSource && reviewCounts(movedSinceSource, model);

  // The improvement cycle: this assessment's target and actions, and what the one before agreed.
  const now = new Date();
  const target = targets.find((t) => t.assessmentId === assessment.id);
  const later = scored.map(toLaterScore);
  const weakestArea = score.areas.find((a) => a.areaId === score.weakest[0]);
  const submittedList = scored.map((s) => ({ id: s.assessmentId, submittedAt: s.submittedAt }));
  const lastCycle = previousCycle(submittedList, targets, actions, assessment.submittedAt!);
  const thisScore = later.find((l) => l.assessmentId === assessment.id)!;
  const newest = scored.every((s) => s.submittedAt <= assessment.submittedAt!);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-stone-600 no-print">
            <IntentLink href="/teams" className="hover:underline">Teams</IntentLink> /{" "}
            <IntentLink href={`/teams/${assessment.teamId}`} className="hover:underline">{assessment.teamName}</IntentLink> /
          </p>
          <h1 className="text-2xl font-bold text-wood-900">{assessment.teamName}: results</h1>
          <p className="text-sm text-stone-700">
            {model.name} {model.version} · submitted {formatDate(assessment.submittedAt!)} · read-only
          </p>
          {assessment.carriedFrom && review && (
            <p className="text-sm text-stone-700" data-testid="review-counts">
              Started from the assessment of {formatDate(assessment.carriedFrom.submittedAt)}: {reviewText(review)}.
            </p>
          )}
          {spread && (
            <p className="text-sm text-stone-700" data-testid="respondents">
              Answered by {spread.respondents} respondent{spread.respondents === 1 ? "" : "s"}
              {assessment.respondents === "anonymous" ? ", anonymously" : ""}; the team answers are their medians unless the lead set them.{" "}
              {leads(ctx.actor, assessment.openedBy) && (
                <IntentLink href={`/teams/${assessment.teamId}/assessments/${assessment.id}/respondents`} className="font-medium text-wood-700 underline no-print">
                  Everyone&apos;s answers
                </IntentLink>
              )}
            </p>
          )}
          {workshop && (
            <p className="text-sm text-stone-700">
              A live workshop ran on this assessment:{" "}
              <IntentLink href={`/workshops/${workshop.id}/report`} className="font-medium text-wood-700 underline">
                its report
              </IntentLink>{" "}
              shows every question&apos;s votes, their spread and what the room agreed.
            </p>
          )}
        </div>
        <IntentLink href={`/teams/${assessment.teamId}/trend`} className={`${button.secondary} no-print`}>
          Trend over time
        </IntentLink>
      </div>

      <HeadlineNumbers score={score} scaleMax={max} />

      <div className="grid gap-6 lg:grid-cols-5">
        <section className={`${card} lg:col-span-3`} aria-labelledby="barrel-heading">
          <h2 id="barrel-heading" className="text-lg font-semibold">The barrel</h2>
          <p className="text-sm text-stone-600">Each stave is an area. The water can rise no higher than the lowest one.</p>
          <BarrelChart score={score} scale={model.scale} />
        </section>
        <section className={`${card} lg:col-span-2`} aria-labelledby="radar-heading">
          <h2 id="radar-heading" className="text-lg font-semibold">Shape</h2>
          <p className="text-sm text-stone-600">The same scores as a radar: a lopsided shape shows uneven investment.</p>
          <RadarChart score={score} max={max} />
        </section>
      </div>

      {moved && compared && (
        <WhatMovedSection
          moved={moved}
          before={compared.model}
          after={model}
          earlier={earlier}
          comparedWith={earlier.find((e) => e.id === compared.id)!}
          review={compared.id === sourceId ? review : undefined}
        />
      )}

      {lastCycle && (lastCycle.target || lastCycle.actions.length > 0) && (
        <LastCycle cycle={lastCycle} teamId={assessment.teamId} model={model} verdict={lastCycle.target && cycleVerdict(lastCycle.target, thisScore)} now={now} />
      )}

      <NextSteps assessmentId={assessment.id} model={model} score={score} answers={assessment.answers} actions={actions} canAdd={canEdit} />

      <ImprovementPlan
        assessmentId={assessment.id}
        model={model}
        weakest={weakestArea && { areaId: weakestArea.areaId, name: weakestArea.name }}
        target={target}
        outcome={target && targetOutcome(target, later, now)}
        advice={targetAdvice(score.waterLevel, { min: scaleBounds(model).min, max })}
        defaultDueOn={defaultTargetDate(now)}
        actions={actions.filter((a) => a.assessmentId === assessment.id)}
        editing={canEdit ? { members, newest } : undefined}
        now={now}
      />

      <AreaBreakdown model={model} score={score} answers={assessment.answers} spreads={spread?.areas} />
    </div>
  );
}
