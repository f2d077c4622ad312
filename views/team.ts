import "server-only";
import type { Ctx } from "@/db/context";
import { listAssessments } from "@/db/queries/visible-assessments";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { listMembers } from "@/db/queries/members";
import { getModelVersion, listLatestModels } from "@/db/queries/model-versions";
import { latestTeamScores } from "@/db/queries/scores";
import { listTeamMembers } from "@/db/queries/team-members";
import type { StartableModel } from "@/lib/answering-time";
import { dueText, nextDue } from "@/lib/cadence";
import type { TeamContract } from "@/lib/contracts/team";
import { aimLabel, isOverdue, type ImprovementAction } from "@/lib/improvement-actions";
import { openActions } from "@/lib/improvement-cycle";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { scoreDigits, scoreMarks, scoreRange, type ScoreMark, type ScoreDigits } from "@/lib/model/scoring-rules";
import type { TeamMember } from "@/lib/people";
import { allows } from "@/lib/permissions";
import { movedSummary } from "@/lib/what-moved";
import type { EvidenceAt } from "@/lib/evidence/stored";
import { findQuestion } from "@/lib/model/lookup";
import { savedEvidenceView } from "./evidence";
import { findTeam, requireIds } from "./find";
import { startOptions } from "./start-options";

export type TeamView = {
  team: TeamContract;
  screen: {
    canManage: boolean;
    canStart: boolean;
    /** The organisation keeps this team's results to the team and its leads: the reader sees its name and people only. */
    resultsPrivate: boolean;
    /** A lead of the team (who may run its assessments) may take its whole history away as a file. */
    canExportHistory: boolean;
    /** The next assessment's due date in words, and whether it has passed. */
    due: { text: string; overdue: boolean } | null;
    hasDraft: boolean;
    /** The latest result's barrel: the scale it is drawn on, and what moved since the one before (same model). */
    latest: { scale: ScoreMark[]; scaleMax: number; digits: ScoreDigits; moved: { since: string; summary: string } | null } | null;
    openActions: (ImprovementAction & { aim: string; overdue: boolean })[];
    members: TeamMember[];
    /** Organisation members who may be added (owners and admins only). */
    candidates: TeamMember[];
    startable: StartableModel[];
    /** The model a new assessment starts with: the team's last one, or the core model. */
    startModelId: string;
    /** The latest result's evidence that is stale or expires within 30 days, soonest first. */
    evidenceDue: (EvidenceAt & { title: string })[];
  };
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A team's page and resource: its cadence, assessments, latest stored result, open actions and people. */
export async function teamView(ctx: Ctx, teamId: string, now = new Date()): Promise<TeamView> {
  requireIds(teamId);
  const canManage = allows(ctx.actor, "teams.manage");
  const [team, assessments, [latest, previous], members, candidates, actions] = await Promise.all([
    findTeam(ctx, teamId),
    listAssessments(ctx, teamId),
    latestTeamScores(ctx, teamId, 2),
    listTeamMembers(ctx, teamId),
    canManage ? listMembers(ctx) : [],
    listTeamActions(ctx, teamId),
  ]);
  const canStart = !team.archivedAt && allows(ctx.actor, "assessments.edit", team.scope);
  const draft = assessments.find((a) => a.status === "draft");
  const submittedModels = new Set(assessments.filter((a) => a.status === "submitted").map((a) => a.modelId));
  const [model, startable, evidence] = await Promise.all([
    latest && getModelVersion(ctx.db, latest.modelVersionId),
    canStart && !draft ? listLatestModels(ctx).then((models) => startOptions(ctx, teamId, models, submittedModels)) : [],
    latest ? savedEvidenceView(ctx, latest.assessmentId) : undefined,
  ]);
  const open = openActions(actions);
  const due = !team.archivedAt && team.cadence.lastSubmittedAt ? nextDue(team.cadence.cadence, team.cadence.lastSubmittedAt, now) : undefined;
  const shown = latest && model ? { ...latest, model } : undefined;
  return {
    team: {
      id: team.id,
      name: team.name,
      archivedAt: iso(team.archivedAt),
      cadence: team.cadence.cadence,
      lastSubmittedAt: iso(team.cadence.lastSubmittedAt),
      assessments: assessments.map((a) => ({
        id: a.id,
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        submittedAt: iso(a.submittedAt),
        model: { modelId: a.modelId, modelVersion: a.modelVersion, modelName: a.modelName },
      })),
      latest: shown
        ? {
            assessmentId: shown.assessmentId,
            submittedAt: shown.submittedAt.toISOString(),
            model: { modelId: shown.modelId, modelVersion: shown.modelVersion, modelName: shown.model.name },
            score: shown.score,
          }
        : null,
      openActions: open.map(({ id, assessmentId, agreedOn, title, ownerName, dueOn, status, areaId, questionId }) => ({
        id,
        assessmentId,
        agreedOn,
        title,
        ownerName,
        dueOn,
        status,
        areaId,
        questionId,
      })),
    },
    screen: {
      canManage,
      canStart,
      resultsPrivate: !team.resultsVisible,
      canExportHistory: allows(ctx.actor, "assessments.edit", team.scope),
      due: due ? { text: dueText(due), overdue: due.state === "overdue" } : null,
      hasDraft: draft !== undefined,
      latest: shown
        ? {
            scale: scoreMarks(shown.model),
            scaleMax: scoreRange(shown.model).max,
            digits: scoreDigits(shown.model),
            moved:
              previous && previous.modelId === shown.modelId
                ? { since: previous.submittedAt.toISOString(), summary: movedSummary(previous.score, shown.score, scoreDigits(shown.model)) }
                : null,
          }
        : null,
      openActions: open.map((a) => ({ ...a, aim: model ? aimLabel(model, a) : a.areaId, overdue: isOverdue(a, now) })),
      members,
      candidates: candidates.map(({ userId, name, email }) => ({ userId, name, email })),
      startable,
      startModelId: assessments[0]?.modelId ?? CORE_MODEL_ID,
      evidenceDue: Object.values(evidence ?? {})
        .filter((e) => e.state.state !== "valid")
        .map((e) => ({ ...e, title: (model && findQuestion(model, e.questionId)?.question.title) ?? e.questionId })),
    },
  };
}
