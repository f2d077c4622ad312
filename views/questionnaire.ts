import "server-only";
import type { Ctx } from "@/db/context";
import { listAssessments } from "@/db/queries/visible-assessments";
import { carryOwnAnswers, lastCycleAnswers } from "@/db/queries/carry";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { listOwnAnswers } from "@/db/queries/respondents";
import { listTeamTargets } from "@/db/queries/targets";
import type { CarriedState } from "@/lib/carry";
import { AppError } from "@/lib/errors";
import type { ImprovementAction } from "@/lib/improvement-actions";
import { actionsByAim, openActions, previousCycle, type Cycle } from "@/lib/improvement-cycle";
import { answeredIn, toLocalAnswer, type LocalAnswer } from "@/lib/local-answer";
import { areaQuestions, questionnaireOutline, resumePoint, type QuestionnaireOutline } from "@/lib/model/questionnaire";
import type { Model } from "@/lib/model/schema";
import { byRespondents, leads, type RespondentMode } from "@/lib/respondents";
import type { LastCycle } from "@/lib/review-mark";
import type { AssessmentEvidence } from "@/lib/evidence/stored";
import { assessmentEvidenceView } from "./evidence";
import { findAssessment, requireIds } from "./find";

export type QuestionnaireView = {
  assessmentId: string;
  teamId: string;
  teamName: string;
  model: Pick<Model, "name" | "coverage" | "areas" | "scale">;
  respondentMode: RespondentMode;
  outline: QuestionnaireOutline;
  /** The text of the area answering resumes at; the others are fetched as they are reached. */
  texts: Record<string, NonNullable<ReturnType<typeof areaQuestions>>>;
  initial: Record<string, LocalAnswer>;
  carried: Record<string, CarriedState>;
  lastCycle: LastCycle | undefined;
  /** What the last cycle agreed and every action still open, carried into this one (read where it was agreed, not copied). */
  cycle: Cycle | undefined;
  open: ImprovementAction[];
  aimed: Record<string, Pick<ImprovementAction, "id" | "title" | "status" | "ownerName" | "dueOn">[]>;
  /** Answered by each member: these are the actor's own answers; the lead's link to everyone's. */
  respondents: { leadHref: string | null } | undefined;
  /** The team answers' evidence, its state today and each question's default validity. */
  evidence: AssessmentEvidence;
};

/**
 * A draft's questionnaire as the actor answers it: their answers (their own, when each member
 * answers), what last cycle answered and agreed, and where to resume. A submitted assessment is
 * refused as read-only: its page is the results.
 */
export async function questionnaireView(ctx: Ctx, ids: { teamId: string; assessmentId: string }): Promise<QuestionnaireView> {
  requireIds(ids.teamId, ids.assessmentId);
  const [assessment, all, targets, actions] = await Promise.all([
    findAssessment(ctx, ids.teamId, ids.assessmentId),
    listAssessments(ctx, ids.teamId),
    listTeamTargets(ctx, ids.teamId),
    listTeamActions(ctx, ids.teamId),
  ]);
  if (assessment.status === "submitted") throw new AppError("read_only", "This assessment is submitted: its answers can no longer change.");
  const several = byRespondents(assessment.respondents);
  const source = assessment.carriedFrom;
  const { model } = assessment;
  const [listed, last, evidence] = await Promise.all([
    several ? listOwnAnswers(ctx, assessment.id) : assessment.answers,
    source ? lastCycleAnswers(ctx, source.id, model, several) : undefined,
    assessmentEvidenceView(ctx, assessment.id, model),
  ]);
  // Answering on their own, a member's answers start as theirs last cycle the first time they open it.
  const own = several && listed.length === 0 && source ? await carryOwnAnswers(ctx, assessment.id, model) : listed;
  const submitted = all.flatMap((a) => (a.status === "submitted" ? [{ id: a.id, submittedAt: a.submittedAt!.toISOString() }] : []));
  const open = openActions(actions);
  const initial = Object.fromEntries(own.map((a) => [a.questionId, toLocalAnswer(a.value, a.note)]));
  const carried = Object.fromEntries(own.flatMap((a) => (a.carried ? [[a.questionId, a.carried]] : [])));
  const outline = questionnaireOutline(model);
  const opening = outline.areas[resumePoint(outline, (id) => answeredIn(initial)(id) && carried[id] !== "unreviewed").areaIndex]!;
  const base = `/teams/${assessment.teamId}/assessments/${assessment.id}`;
  return {
    assessmentId: assessment.id,
    teamId: assessment.teamId,
    teamName: assessment.teamName,
    model: { name: model.name, coverage: model.coverage, areas: model.areas, scale: model.scale },
    respondentMode: assessment.respondents,
    outline,
    texts: { [opening.id]: areaQuestions(model, opening.id)! },
    initial,
    carried,
    lastCycle:
      source && last
        ? {
            on: source.submittedAt.toISOString(),
            answers: Object.fromEntries(last.answers.map((a) => [a.questionId, toLocalAnswer(a.value, a.note)])),
            added: last.added,
          }
        : undefined,
    cycle: previousCycle(submitted, targets, actions),
    open,
    aimed: Object.fromEntries(
      Object.entries(actionsByAim(open)).map(([aim, list]) => [
        aim,
        list.map(({ id, title, status, ownerName, dueOn }) => ({ id, title, status, ownerName, dueOn })),
      ]),
    ),
    respondents: several ? { leadHref: leads(ctx.actor, assessment.openedBy) ? `${base}/respondents` : null } : undefined,
    evidence,
  };
}
