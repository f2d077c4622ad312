import "server-only";
import type { Ctx } from "@/db/context";
import { addAnnotation } from "@/db/queries/annotations";
import { saveRespondentAnswer, saveTeamAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { recordAudit } from "@/db/queries/audit";
import { createGroup, setTeamGroup } from "@/db/queries/groups";
import { createAction } from "@/db/queries/improvement-actions";
import { publishModel } from "@/db/queries/model-publish";
import { getAssessmentScore } from "@/db/queries/scores";
import { setTarget } from "@/db/queries/targets";
import { addTeamMember } from "@/db/queries/team-members";
import { createTeam, setTeamArchived, setTeamCadence } from "@/db/queries/teams";
import { recordWorkshopHistory } from "@/db/queries/workshop-history";
import { withTransaction } from "@/db/transaction";
import { DEFAULT_CADENCE } from "@/lib/cadence";
import type { History, HistoryAssessment } from "@/lib/contracts/history";
import { AppError } from "@/lib/errors";
import { counted, sameScore } from "@/lib/history-import";
import type { Model } from "@/lib/model/schema";
import { modelKey, planHistoryImport, type HistoryPlan } from "./history-import";

// Applying an imported history: in one transaction, through the ordinary write functions (each
// checks and audits as the importing person), in an order each of them accepts — groups, teams,
// model versions, then each team's assessments oldest first (respondents' answers where they are
// members here, team answers, submission with its score
// computed again, target, actions), their ended workshops (whose agreements came applied, so a
// submission never applies them again), trend notes, and last the teams that were archived.

export type HistoryImported = { plan: HistoryPlan; summary: string; scoreDifferences: string[] };

export async function importHistory(ctx: Ctx, history: History): Promise<HistoryImported> {
  return withTransaction(ctx, async (ctx) => {
    const plan = await planHistoryImport(ctx, history);
    if (plan.conflicts.length > 0)
      throw new AppError("conflict", `This history conflicts with what is here (${counted(plan.conflicts.length, "conflict")}): nothing was imported.`, {
        conflicts: plan.conflicts,
      });
    const isNew = (id: string) => plan.judged.get(id) === "new";
    // The same history again: everything is here already, and nothing is written (not even an audit row).
    if (![...plan.judged.values()].includes("new")) return { plan, summary: "Nothing new: everything in this history is here already", scoreDifferences: [] };

    for (const group of history.groups.filter((g) => isNew(g.id))) await createGroup(ctx, group);
    for (const team of history.teams.filter((t) => isNew(t.id))) {
      await createTeam(ctx, team.name, { id: team.id });
      if (team.groupId) await setTeamGroup(ctx, team.id, team.groupId);
      if (team.cadence !== DEFAULT_CADENCE) await setTeamCadence(ctx, team.id, team.cadence);
      for (const person of team.members) {
        const userId = person.email ? plan.memberIds.get(person.email.toLowerCase()) : undefined;
        if (userId) await addTeamMember(ctx, team.id, userId);
      }
    }
    for (const version of history.modelVersions.filter((v) => isNew(modelKey(v)))) {
      const published = await publishModel(ctx, { model: version.definition as Model, source: version.source ?? JSON.stringify(version.definition, null, 2) });
      plan.modelVersionIds.set(modelKey(version), published.versionId);
    }

    const scoreDifferences: string[] = [];
    for (const assessment of history.assessments.filter((a) => isNew(a.id))) {
      const recomputed = await recreate(ctx, plan, assessment);
      if (!sameScore(recomputed, assessment.score))
        scoreDifferences.push(
          `The assessment submitted ${assessment.submittedAt.slice(0, 10)} (${assessment.id}) scores differently here than in the history.`,
        );
    }
    for (const workshop of history.workshops.filter((w) => isNew(w.id))) await recordWorkshopHistory(ctx, workshop);
    for (const note of history.trendNotes.filter((n) => isNew(n.id)))
      await addAnnotation(ctx, { teamId: note.teamId, on: note.on, text: note.text }, { id: note.id });
    for (const team of history.teams.filter((t) => isNew(t.id) && t.archived)) await setTeamArchived(ctx, team.id, true);

    await recordAudit(ctx, {
      action: "history.imported",
      summary: `Imported the history of “${history.scope.name}” from “${history.organisation.name}”: ${plan.summary.replace(/^will create/, "created")}`,
      detail: { scope: history.scope, exportedAt: history.exportedAt, created: plan.create, present: plan.present },
    });
    return { plan, summary: plan.summary.replace(/^will create/, "Created"), scoreDifferences };
  });
}

/** One assessment again: started blank on its exact model version, answered, submitted when it was; its target and actions; its score as computed here. */
async function recreate(ctx: Ctx, plan: HistoryPlan, a: HistoryAssessment): Promise<HistoryAssessment["score"]> {
  const modelVersionId = plan.modelVersionIds.get(modelKey(a.model));
  if (!modelVersionId) throw new AppError("invalid_input", `The model ${modelKey(a.model)} is not here.`);
  await startAssessment(ctx, a.teamId, a.model.modelId, { respondents: a.respondents, from: "blank", history: { id: a.id, modelVersionId } });
  for (const own of a.respondentAnswers) {
    const userId = own.respondent.email ? plan.memberIds.get(own.respondent.email.toLowerCase()) : undefined;
    if (userId) await saveRespondentAnswer(ctx, { assessmentId: a.id, questionId: own.questionId, answer: own.answer, note: own.note, userId });
  }
  for (const answer of a.answers) await saveTeamAnswer(ctx, { assessmentId: a.id, questionId: answer.questionId, answer: answer.answer, note: answer.note });
  await submitAssessment(ctx, a.id, { submittedAt: new Date(a.submittedAt) });
  if (a.target) await setTarget(ctx, { assessmentId: a.id, level: a.target.level, dueOn: a.target.dueOn, areaId: a.target.areaId }, new Date(a.target.setAt));
  for (const action of a.actions) {
    const userId =
      action.owner && "member" in action.owner && action.owner.member.email ? plan.memberIds.get(action.owner.member.email.toLowerCase()) : undefined;
    const owner = !action.owner ? null : userId ? { userId } : { text: "text" in action.owner ? action.owner.text : action.owner.member.name };
    const aim = action.questionId ? { kind: "question" as const, id: action.questionId } : { kind: "area" as const, id: action.areaId };
    await createAction(
      ctx,
      { assessmentId: a.id, title: action.title, description: action.description, owner, dueOn: action.dueOn, status: action.status, aim },
      { id: action.id },
    );
  }
  const score = await getAssessmentScore(ctx, a.id);
  return {
    waterLevel: score?.waterLevel ?? null,
    weakest: score?.weakest ?? [],
    spill: score?.spill ?? null,
    areas: (score?.areas ?? []).map((area) => ({ areaId: area.areaId, score: area.score })),
  };
}
