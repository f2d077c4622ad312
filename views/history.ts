import "server-only";
import type { Ctx } from "@/db/context";
import { isTransaction } from "@/db/transaction";
import { requirePermission, requireTeamPermission } from "@/db/queries/access";
import { listAnnotations } from "@/db/queries/annotations";
import { listGroups } from "@/db/queries/groups";
import { listHistoryAnswers, listHistoryModelVersions, listMemberPeople } from "@/db/queries/history";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { getOrganisation } from "@/db/queries/organisations";
import { listTeamScores } from "@/db/queries/scores";
import { listTeamTargets } from "@/db/queries/targets";
import { listTeamMembers } from "@/db/queries/team-members";
import { listTeamGroups, listTeams } from "@/db/queries/teams";
import { listHistoryWorkshops } from "@/db/queries/workshop-history";
import { HISTORY_FORMAT_VERSION, historySchema, type History, type HistoryAssessment } from "@/lib/contracts/history";
import { notFoundError } from "@/lib/errors";
import type { ImprovementAction } from "@/lib/improvement-actions";
import { flattenGroups, groupPathName } from "@/lib/groups";
import { historyPart, type HistoryScope } from "@/lib/history";
import { HISTORY_MAX_BYTES } from "@/lib/history-import";
import { findTeam } from "./find";

/**
 * A team's, a group's or the organisation's history as one document (lib/contracts/history.ts):
 * owners and admins export any of them, a team's lead (who may run its assessments) their team. An
 * API token reads any of them once its transport has checked the token may read notes (an owner or
 * an admin gave it that scope for the whole organisation).
 */
export async function historyView(ctx: Ctx, scope: HistoryScope, now = new Date()): Promise<History> {
  if (scope.kind === "team") await findTeam(ctx, scope.id);
  if (ctx.actor.kind !== "token") {
    if (scope.kind === "team") await requireTeamPermission(ctx, "assessments.edit", scope.id);
    else requirePermission(ctx, "teams.manage");
  }
  const [organisation, groups, teams, placed] = await readAll(
    ctx,
    () => getOrganisation(ctx),
    () => listGroups(ctx),
    () => listTeams(ctx, { includeArchived: true }),
    () => listTeamGroups(ctx),
  );
  const groupOf = new Map(placed.map((t) => [t.id, t.groupId]));
  if (scope.kind === "group" && !groups.some((g) => g.id === scope.id)) throw notFoundError("The group");
  const part = historyPart(
    groups,
    teams.map((t) => ({ ...t, groupId: groupOf.get(t.id) ?? null })),
    scope,
  );

  const perTeam = await readAll(
    ctx,
    ...part.teams.map((team) => async () => {
      const [people, scored, targets, actions, notes] = await readAll(
        ctx,
        () => listTeamMembers(ctx, team.id),
        () => listTeamScores(ctx, team.id),
        () => listTeamTargets(ctx, team.id),
        () => listTeamActions(ctx, team.id),
        () => listAnnotations(ctx, team.id),
      );
      return { team, people, scored, targets, actions, notes };
    }),
  );
  const scored = perTeam.flatMap((t) => t.scored.map((s) => ({ teamId: t.team.id, ...s })));
  const [answersOf, models, owners, workshops] = await readAll(
    ctx,
    () =>
      listHistoryAnswers(
        ctx,
        scored.map((s) => s.assessmentId),
      ),
    () => listHistoryModelVersions(ctx, [...new Set(scored.map((s) => s.modelVersionId))]),
    () => listMemberPeople(ctx, [...new Set(perTeam.flatMap((t) => t.actions.flatMap((a) => (a.ownerUserId ? [a.ownerUserId] : []))))]),
    () =>
      listHistoryWorkshops(
        ctx,
        scored.map((s) => s.assessmentId),
      ),
  );
  const targetOf = new Map(perTeam.flatMap((t) => t.targets.map((target) => [target.assessmentId, target])));
  const actionsOf = new Map<string, ImprovementAction[]>();
  for (const a of perTeam.flatMap((t) => t.actions)) actionsOf.set(a.assessmentId, [...(actionsOf.get(a.assessmentId) ?? []), a]);
  const owner = (a: ImprovementAction) => {
    if (!a.ownerName) return null;
    if (!a.ownerUserId) return { text: a.ownerName };
    return { member: { name: a.ownerName, email: owners.get(a.ownerUserId)?.email ?? null } };
  };

  const assessments: HistoryAssessment[] = scored
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.assessmentId < b.assessmentId ? -1 : 1))
    .map((s) => {
      const given = answersOf.get(s.assessmentId);
      const target = targetOf.get(s.assessmentId);
      return {
        id: s.assessmentId,
        teamId: s.teamId,
        model: { modelId: s.modelId, version: s.modelVersion },
        respondents: given?.respondents ?? "shared",
        submittedAt: s.submittedAt.toISOString(),
        answers: given?.answers ?? [],
        respondentAnswers: (given?.respondentAnswers ?? []).map(({ name, email, ...a }) => ({ ...a, respondent: { name, email } })),
        score: {
          waterLevel: s.score.waterLevel,
          weakest: s.score.weakest,
          spill: s.score.spill,
          areas: s.score.areas.map((a) => ({ areaId: a.areaId, score: a.score })),
        },
        target: target ? { areaId: target.areaId, fromScore: target.fromScore, level: target.level, dueOn: target.dueOn, setAt: target.setOn } : null,
        actions: (actionsOf.get(s.assessmentId) ?? []).map((a) => ({
          id: a.id,
          title: a.title,
          description: a.description,
          owner: owner(a),
          dueOn: a.dueOn,
          status: a.status,
          areaId: a.areaId,
          questionId: a.questionId,
        })),
      };
    });

  const scopeName =
    scope.kind === "organisation" ? organisation.name : scope.kind === "group" ? groups.find((g) => g.id === scope.id)!.name : part.teams[0]!.name;
  return historySchema.parse({
    formatVersion: HISTORY_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    scope: { kind: scope.kind, id: scope.kind === "organisation" ? null : scope.id, name: scopeName },
    organisation: { name: organisation.name },
    modelVersions: models.map(({ id: _, ...m }) => m),
    groups: part.groups.map((g) => ({ id: g.id, name: g.name, parentId: g.parentId })),
    teams: perTeam.map(({ team, people }) => ({
      id: team.id,
      name: team.name,
      groupId: team.groupId,
      cadence: team.cadence,
      archived: team.archivedAt !== null,
      members: people.map((p) => ({ name: p.name, email: p.email })),
    })),
    assessments,
    trendNotes: perTeam.flatMap(({ team, notes }) => notes.map((n) => ({ id: n.id, teamId: team.id, on: n.on, text: n.text }))),
    workshops,
  });
}

/**
 * Reads side by side; inside a transaction (an import compares with the organisation's history in
 * its own), one after the other, as a transaction has one connection that runs one query at a time.
 */
async function readAll<T extends unknown[]>(ctx: Ctx, ...reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!isTransaction(ctx.db)) return Promise.all(reads.map((read) => read())) as Promise<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as T;
}

/** The file name a download of the history gets: "stave-history-<scope>-<day>.json". */
export function historyFileName(history: Pick<History, "scope" | "exportedAt">): string {
  const slug = history.scope.name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `stave-history-${slug || history.scope.kind}-${history.exportedAt.slice(0, 10)}.json`;
}

/** What the organisation page offers to export (owners and admins): the whole organisation, or a group with the groups above it named. */
export async function historyChoicesView(ctx: Ctx): Promise<{ groups: { id: string; label: string }[] }> {
  requirePermission(ctx, "teams.manage");
  const groups = await listGroups(ctx);
  return { groups: flattenGroups(groups).map(({ group }) => ({ id: group.id, label: groupPathName(groups, group.id) })) };
}

/** The import page (owners and admins): what it needs to say where the history goes. */
export async function historyImportView(ctx: Ctx): Promise<{ organisationName: string; maxMegabytes: number }> {
  requirePermission(ctx, "teams.manage");
  requirePermission(ctx, "models.publish");
  const organisation = await getOrganisation(ctx);
  return { organisationName: organisation.name, maxMegabytes: HISTORY_MAX_BYTES / 1024 / 1024 };
}
