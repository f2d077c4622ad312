import "server-only";
import type { Ctx } from "@/db/context";
import { getAssessment, type AssessmentDetail } from "@/db/queries/visible-assessments";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { listMemberNames } from "@/db/queries/members";
import { listMeasuredLevels } from "@/db/queries/measured-levels";
import { listTeamScores } from "@/db/queries/scores";
import { listTeamTargets } from "@/db/queries/targets";
import { latestWorkshop } from "@/db/queries/workshops";
import { toAnswerMap } from "@/lib/answer";
import { reviewCounts, type ReviewCounts } from "@/lib/carry";
import type { Results } from "@/lib/contracts/results";
import { AppError, notFoundError } from "@/lib/errors";
import type { ImprovementAction } from "@/lib/improvement-actions";
import { previousCycle, type Cycle } from "@/lib/improvement-cycle";
import { scoreDigits, scoreRange } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";
import { allows } from "@/lib/permissions";
import { leads } from "@/lib/respondents";
import { resultsAnswers, type KeptMeasurement } from "@/lib/results-answers";
import {
  cycleVerdict,
  defaultTargetDate,
  targetAdvice,
  targetOutcome,
  toLaterScore,
  type CycleVerdict,
  type Target,
  type TargetAdvice,
  type TargetOutcome,
} from "@/lib/target";
import type { MeasuredResult } from "@/lib/delivery/measured-answers";
import { isUuid } from "@/lib/validation/ids";
import { whatMoved, type WhatMoved } from "@/lib/what-moved";
import { comparable, type Comparable } from "@/lib/results-compare";
import type { AssessmentEvidence } from "@/lib/evidence/stored";
import { lapseMoves, type EvidenceLapse, type LapseMoves } from "@/lib/evidence/lapses";
import { countedAnswers, loweredAnswers, type LoweredAnswer } from "@/lib/counted-answers";
import { scoreAssessment } from "@/lib/scoring";
import { listEvidenceLapses } from "@/db/queries/evidence-lapses";
import { savedEvidenceView } from "./evidence";
import { findAssessment, findVisibleAssessment, requireIds } from "./find";
import { measuredResults } from "./measured-results";

export type ResultsView = {
  results: Results;
  screen: {
    model: Model;
    scaleMax: number;
    /** Started from an earlier assessment: when that was submitted and what reviewing its answers came to. */
    startedFrom: { submittedAt: string; review: ReviewCounts } | null;
    respondentsHref: string | null;
    workshopId: string | null;
    /** What moved against the assessment compared with, and the earlier ones that may be picked. */
    moved: { moved: WhatMoved; before: Model; earlier: Comparable[]; comparedWith: Comparable; review: ReviewCounts | undefined } | null;
    lastCycle: { cycle: Cycle; verdict: CycleVerdict | undefined } | null;
    actions: ImprovementAction[];
    plan: {
      weakest: { areaId: string; name: string } | undefined;
      target: Target | undefined;
      outcome: TargetOutcome | undefined;
      advice: TargetAdvice;
      defaultDueOn: string;
      editing: { members: { userId: string; name: string }[]; newest: boolean } | undefined;
    };
    canEdit: boolean;
    /** Each answer's evidence and whether it is stale now. */
    evidence: AssessmentEvidence["saved"];
    /** The questions delivery data measures, beside the team's answers. */
    measured: MeasuredResult[];
    /** Answers counted lower because their evidence lapsed (the organisation's choice), and what that moved since submission. */
    lapses: EvidenceLapse[];
    lapsed: LapseMoves | null;
    /** Answers the scores count lower than given (lapsed evidence, measured caps), with why. */
    lowered: LoweredAnswer[];
  };
};

type Extras = { notes: boolean; evidence: AssessmentEvidence["saved"]; measured: readonly KeptMeasurement[]; lapses: readonly EvidenceLapse[] };

/** The public part of a submitted assessment: its stored scores and its team answers with their evidence and measurements, the notes only when asked for (a note is the team's own words). */
function resultsOf(a: AssessmentDetail, scored: { score: Results["score"]; spread: Results["spread"] }, extras: Extras): Results {
  return {
    assessmentId: a.id,
    teamId: a.teamId,
    teamName: a.teamName,
    model: { modelId: a.model.id, modelVersion: a.model.version, modelName: a.model.name },
    submittedAt: a.submittedAt!.toISOString(),
    respondents: a.respondents,
    score: scored.score,
    decimals: scoreDigits(a.model),
    spread: scored.spread,
    answers: resultsAnswers(a.answers, extras),
  };
}

/** A submitted assessment as it leaves Stave (the API): its stored scores and answers, the notes only when asked for. */
export async function assessmentResultsView(ctx: Ctx, assessmentId: string, { notes = false }: { notes?: boolean } = {}): Promise<{ results: Results }> {
  requireIds(assessmentId);
  const assessment = await findVisibleAssessment(ctx, assessmentId);
  if (assessment.status !== "submitted") throw new AppError("incomplete", "This assessment is not submitted yet: it has no results.");
  const [scores, evidence, measured, lapses] = await Promise.all([
    listTeamScores(ctx, assessment.teamId),
    savedEvidenceView(ctx, assessment.id),
    listMeasuredLevels(ctx, assessment.id),
    listEvidenceLapses(ctx, assessment.id),
  ]);
  const scored = scores.find((s) => s.assessmentId === assessment.id);
  if (!scored) throw notFoundError("The results");
  return { results: resultsOf(assessment, scored, { notes, evidence, measured, lapses }) };
}

/**
 * A submitted assessment's results: the stored scores, what moved since an earlier one (the one
 * `compare` names, else the one before), the last cycle's target judged, and this cycle's plan.
 * A draft is refused as incomplete: its page is the questionnaire.
 */
export async function resultsView(
  ctx: Ctx,
  ids: { teamId: string; assessmentId: string },
  options: { compare?: string; notes?: boolean } = {},
  now = new Date(),
): Promise<ResultsView> {
  requireIds(ids.teamId, ids.assessmentId);
  const [assessment, scored, targets, actions, members, workshop, evidence, kept] = await Promise.all([
    findAssessment(ctx, ids.teamId, ids.assessmentId),
    listTeamScores(ctx, ids.teamId),
    listTeamTargets(ctx, ids.teamId),
    listTeamActions(ctx, ids.teamId),
    allows(ctx.actor, "assessments.edit", { teamMember: true }) ? listMemberNames(ctx) : [],
    latestWorkshop(ctx, ids.assessmentId),
    savedEvidenceView(ctx, ids.assessmentId),
    listMeasuredLevels(ctx, ids.assessmentId),
  ]);
  if (assessment.status !== "submitted") throw new AppError("incomplete", "This assessment is not submitted yet: it has no results.");
  const here = scored.find((s) => s.assessmentId === assessment.id);
  if (!here) throw notFoundError("The results");
  const { model } = assessment;
  const { min, max } = scoreRange(model);
  const submittedAt = here.submittedAt.toISOString();
  const mayLead = allows(ctx.actor, "assessments.edit", { teamMember: true }) && !assessment.teamArchived;
  const canEdit = mayLead && allows(ctx.actor, "assessments.edit", assessment.scope);

  const earlier = comparable(scored, model.id, submittedAt);
  const compareId = options.compare && isUuid(options.compare) && earlier.some((e) => e.id === options.compare) ? options.compare : earlier[0]?.id;
  const sourceId = assessment.carriedFrom?.id;
  const [compared, source, measured, lapses] = await Promise.all([
    compareId ? getAssessment(ctx, compareId) : undefined,
    sourceId && sourceId !== compareId ? getAssessment(ctx, sourceId) : undefined,
    measuredResults(ctx, {
      assessmentId: assessment.id,
      teamId: assessment.teamId,
      model,
      answers: toAnswerMap(assessment.answers),
      submittedAt: here.submittedAt,
      kept,
    }),
    listEvidenceLapses(ctx, assessment.id),
  ]);
  const given = toAnswerMap(assessment.answers);
  // Without its lapses the assessment scores as it was submitted (its caps kept): the difference is what lapsing moved.
  const asSubmitted = () => scoreAssessment(model, countedAnswers(model, given, { caps: measured.filter((m) => m.capped) }));
  const lapsed = lapses.length > 0 ? lapseMoves(model, given, lapses, { without: asSubmitted(), with: here.score }) : null;
  const movedSince = (other: AssessmentDetail | undefined) => {
    const otherScore = other && scored.find((s) => s.assessmentId === other.id)?.score;
    return other && otherScore
      ? whatMoved(
          { model: other.model, answers: toAnswerMap(other.answers), score: otherScore },
          { model, answers: toAnswerMap(assessment.answers), score: here.score },
        )
      : undefined;
  };
  const moved = movedSince(compared);
  const movedSinceSource = sourceId === compareId ? moved : movedSince(source);
  const review = movedSinceSource && reviewCounts(movedSinceSource, model);

  const later = scored.map(toLaterScore);
  const thisScore = later.find((l) => l.assessmentId === assessment.id)!;
  const submitted = later.map((l) => ({ id: l.assessmentId, submittedAt: l.submittedAt }));
  const cycle = previousCycle(submitted, targets, actions, submittedAt);
  const target = targets.find((t) => t.assessmentId === assessment.id);
  const weakest = here.score.areas.find((a) => a.areaId === here.score.weakest[0]);
  const comparedWith = compared && earlier.find((e) => e.id === compared.id);
  return {
    results: resultsOf(assessment, here, { notes: options.notes ?? false, evidence, measured: kept, lapses }),
    screen: {
      model,
      scaleMax: max,
      startedFrom: assessment.carriedFrom && review ? { submittedAt: assessment.carriedFrom.submittedAt.toISOString(), review } : null,
      respondentsHref: here.spread && leads(ctx.actor, assessment.openedBy) ? `/teams/${assessment.teamId}/assessments/${assessment.id}/respondents` : null,
      workshopId: workshop?.id ?? null,
      moved:
        moved && compared && comparedWith
          ? { moved, before: compared.model, earlier, comparedWith, review: compared.id === sourceId ? review : undefined }
          : null,
      lastCycle: cycle && (cycle.target || cycle.actions.length > 0) ? { cycle, verdict: cycle.target && cycleVerdict(cycle.target, thisScore) } : null,
      actions,
      plan: {
        weakest: weakest && { areaId: weakest.areaId, name: weakest.name },
        target,
        outcome: target && targetOutcome(target, later, now),
        advice: targetAdvice(here.score.waterLevel, { min, max }),
        defaultDueOn: defaultTargetDate(now),
        editing: canEdit ? { members, newest: later.every((l) => l.submittedAt <= submittedAt) } : undefined,
      },
      canEdit,
      evidence,
      measured,
      lapses,
      lapsed,
      lowered: loweredAnswers(model, given, { caps: measured.filter((m) => m.capped), lapses }),
    },
  };
}
