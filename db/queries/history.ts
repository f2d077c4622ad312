import "server-only";
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { answerFromColumns, type AnswerValue } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import type { RespondentMode } from "@/lib/respondents";
import type { Ctx } from "../context";
import {
  answers,
  assessments,
  groups,
  improvementActions,
  members,
  modelVersions,
  respondentAnswers,
  teams,
  trendAnnotations,
  users,
  workshopParticipants,
  workshops,
} from "../schema";
import { requirePermission } from "./access";
import { visibleTo } from "./model-versions";

// What a history export reads beyond the pages' own queries (every answer with its note, who
// answered, the model versions in full), and what an import checks before it writes.

export type HistoryAnswers = {
  respondents: RespondentMode;
  answers: { questionId: string; answer: AnswerValue; note: string | null }[];
  respondentAnswers: { questionId: string; answer: AnswerValue; note: string | null; name: string; email: string }[];
};

/** Every team answer and respondent's answer of the organisation's submitted assessments given, by assessment. */
export async function listHistoryAnswers(ctx: Ctx, assessmentIds: readonly string[]): Promise<Map<string, HistoryAnswers>> {
  requirePermission(ctx, "results.read");
  const result = new Map<string, HistoryAnswers>();
  if (assessmentIds.length === 0) return result;
  const own = and(eq(assessments.organisationId, ctx.organisationId), eq(assessments.status, "submitted"), inArray(assessments.id, [...assessmentIds]));
  const heads = await ctx.db.select({ id: assessments.id, respondents: assessments.respondents }).from(assessments).where(own);
  for (const h of heads) result.set(h.id, { respondents: h.respondents, answers: [], respondentAnswers: [] });
  const value = { kind: answers.kind, level: answers.level, reason: answers.reason };
  const teamRows = await ctx.db
    .select({ assessmentId: answers.assessmentId, questionId: answers.questionId, ...value, note: answers.note })
    .from(answers)
    .innerJoin(assessments, eq(assessments.id, answers.assessmentId))
    .where(own)
    .orderBy(asc(answers.assessmentId), asc(answers.questionId));
  for (const r of teamRows) result.get(r.assessmentId)?.answers.push({ questionId: r.questionId, answer: answerFromColumns(r), note: r.note });
  const ownRows = await ctx.db
    .select({
      assessmentId: respondentAnswers.assessmentId,
      questionId: respondentAnswers.questionId,
      kind: respondentAnswers.kind,
      level: respondentAnswers.level,
      reason: respondentAnswers.reason,
      note: respondentAnswers.note,
      name: users.name,
      email: users.email,
    })
    .from(respondentAnswers)
    .innerJoin(assessments, eq(assessments.id, respondentAnswers.assessmentId))
    .innerJoin(users, eq(users.id, respondentAnswers.userId))
    .where(own)
    .orderBy(asc(respondentAnswers.assessmentId), asc(users.email), asc(respondentAnswers.questionId));
  for (const r of ownRows)
    result.get(r.assessmentId)?.respondentAnswers.push({ questionId: r.questionId, answer: answerFromColumns(r), note: r.note, name: r.name, email: r.email });
  return result;
}

export type HistoryModelVersion = { id: string; modelId: string; version: string; name: string; shipped: boolean; definition: Model; source: string | null };

const modelColumns = {
  id: modelVersions.id,
  modelId: modelVersions.modelId,
  version: modelVersions.version,
  name: modelVersions.name,
  organisationId: modelVersions.organisationId,
  definition: modelVersions.definition,
  source: modelVersions.source,
};

type ModelRow = Omit<HistoryModelVersion, "shipped"> & { organisationId: string | null };

const toHistoryModel = ({ organisationId, ...row }: ModelRow): HistoryModelVersion => ({
  id: row.id,
  modelId: row.modelId,
  version: row.version,
  name: row.name,
  shipped: organisationId === null,
  definition: row.definition,
  source: row.source,
});

/** The model versions given (shipped ones and the organisation's own), in full. */
export async function listHistoryModelVersions(ctx: Ctx, ids: readonly string[]): Promise<HistoryModelVersion[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select(modelColumns)
    .from(modelVersions)
    .where(and(visibleTo(ctx.organisationId), inArray(modelVersions.id, [...ids])))
    .orderBy(asc(modelVersions.modelId), asc(modelVersions.version));
  return rows.map(toHistoryModel);
}

/** A model version this organisation sees, by model id and version: shipped, or its own. */
export async function findHistoryModelVersion(ctx: Ctx, ref: { modelId: string; version: string; shipped: boolean }): Promise<HistoryModelVersion | undefined> {
  const [row] = await ctx.db
    .select(modelColumns)
    .from(modelVersions)
    .where(
      and(
        ref.shipped ? isNull(modelVersions.organisationId) : eq(modelVersions.organisationId, ctx.organisationId),
        eq(modelVersions.modelId, ref.modelId),
        eq(modelVersions.version, ref.version),
      ),
    );
  return row && toHistoryModel(row);
}

/** Names and e-mail addresses of the users given who are members of the organisation. */
export async function listMemberPeople(ctx: Ctx, userIds: readonly string[]): Promise<Map<string, { name: string; email: string }>> {
  if (userIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organisationId, ctx.organisationId), inArray(members.userId, [...userIds])));
  return new Map(rows.map((r) => [r.userId, { name: r.name, email: r.email }]));
}

/** The organisation's members by lower-case e-mail address, for matching the people an imported history names. */
export async function memberIdsByEmail(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ userId: users.id, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organisationId, ctx.organisationId));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.userId]));
}

export type HistoryIds = {
  groups: string[];
  teams: string[];
  assessments: string[];
  actions: string[];
  trendNotes: string[];
  workshops: string[];
  participants: string[];
};

/** Which of the ids given belong to another organisation: an import must not take them. */
export async function idsOfOtherOrganisations(ctx: Ctx, ids: HistoryIds): Promise<string[]> {
  const tables = { groups, teams, assessments, actions: improvementActions, trendNotes: trendAnnotations, workshops, participants: workshopParticipants };
  const found: string[] = [];
  for (const key of Object.keys(tables) as (keyof HistoryIds)[]) {
    const table = tables[key] as typeof groups;
    if (ids[key].length === 0) continue;
    const rows = await ctx.db
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, ids[key]), ne(table.organisationId, ctx.organisationId)));
    found.push(...rows.map((r) => r.id));
  }
  return found;
}
