import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { answerFromColumns, type AnswerValue } from "@/lib/answer";
import { countedAnswers } from "@/lib/counted-answers";
import type { EvidenceLapse } from "@/lib/evidence/lapses";
import type { Model } from "@/lib/model/schema";
import { respondentSpread, type AreaSpread, type Responses } from "@/lib/respondents";
import { SCORING_VERSION, scoreAssessment, type AssessmentScore } from "@/lib/scoring";
import { toStoredScore } from "@/lib/stored-score";
import type { Db } from "./client";
import {
  answers,
  assessmentAreaScores,
  assessmentScores,
  assessments,
  countedRespondentAnswer,
  evidenceLapses,
  measuredLevels,
  modelVersions,
  respondentAnswers,
} from "./schema";
import { withTransaction } from "./transaction";

/** A score to keep, with its respondents' spread when members answered on their own. */
export type ScoreToStore = { organisationId: string; assessmentId: string; score: AssessmentScore; spread?: RespondentSpread | null };
export type RespondentSpread = { respondents: number; areas: readonly AreaSpread[] };

/**
 * Writes the score rows of submitted assessments, replacing any older ones. Called inside the
 * transaction that submits (or seeds) them, so an assessment is never submitted without its score.
 */
export async function storeScores(db: Db, entries: readonly ScoreToStore[]): Promise<void> {
  if (entries.length === 0) return;
  const stored = entries.map((e) => ({ ...e, ...toStoredScore(e.score) }));
  // Area rows go with their headline (on delete cascade).
  await db.delete(assessmentScores).where(
    inArray(
      assessmentScores.assessmentId,
      entries.map((e) => e.assessmentId),
    ),
  );
  await db.insert(assessmentScores).values(
    stored.map(({ organisationId, assessmentId, headline, spread }) => ({
      organisationId,
      assessmentId,
      scoringVersion: SCORING_VERSION,
      ...headline,
      respondents: spread?.respondents ?? null,
    })),
  );
  const areaRows = stored.flatMap(({ organisationId, assessmentId, areas, spread }) =>
    areas.map((a, i) => {
      const s = spread?.areas[i];
      return {
        organisationId,
        assessmentId,
        ...a,
        ...(s && { respondents: s.respondents, respondentLow: s.low, respondentHigh: s.high, disagreements: s.disagreements }),
      };
    }),
  );
  if (areaRows.length > 0) await db.insert(assessmentAreaScores).values(areaRows);
}

/** The respondents' own answers of assessments answered by each member: a list of answer maps per assessment. */
export async function respondentsOf(db: Db, assessmentIds: readonly string[]): Promise<Map<string, Responses[]>> {
  const out = new Map<string, Responses[]>();
  if (assessmentIds.length === 0) return out;
  const rows = await db
    .select({
      assessmentId: respondentAnswers.assessmentId,
      userId: respondentAnswers.userId,
      questionId: respondentAnswers.questionId,
      kind: respondentAnswers.kind,
      level: respondentAnswers.level,
      reason: respondentAnswers.reason,
    })
    .from(respondentAnswers)
    .where(and(inArray(respondentAnswers.assessmentId, [...assessmentIds]), countedRespondentAnswer));
  const byPerson = new Map<string, Map<string, Map<string, AnswerValue>>>();
  for (const row of rows) {
    let people = byPerson.get(row.assessmentId);
    if (!people) byPerson.set(row.assessmentId, (people = new Map()));
    let own = people.get(row.userId);
    if (!own) people.set(row.userId, (own = new Map()));
    own.set(row.questionId, answerFromColumns(row));
  }
  for (const [id, people] of byPerson) out.set(id, [...people.values()]);
  return out;
}

// Any constant works; it only has to be the same for every instance sharing one PostgreSQL.
const BACKFILL_LOCK = 7_282_002;

const toScore = {
  id: assessments.id,
  organisationId: assessments.organisationId,
  modelVersionId: assessments.modelVersionId,
  respondents: assessments.respondents,
};

/** Submitted assessments without a stored score, or with one computed by older scoring rules. */
const unscored = (db: Db, limit: number) =>
  db
    .select(toScore)
    .from(assessments)
    .leftJoin(assessmentScores, eq(assessmentScores.assessmentId, assessments.id))
    .where(and(eq(assessments.status, "submitted"), or(isNull(assessmentScores.assessmentId), lt(assessmentScores.scoringVersion, SCORING_VERSION))))
    .limit(limit);

/**
 * Scores every submitted assessment that has no stored score, or one computed by older scoring
 * rules, and stores it. Runs at start-up, after the migrations; returns how many it scored.
 * Nothing to do is one query. Instances starting together against one PostgreSQL take turns, batch
 * by batch, and each batch is chosen once the turn is taken: what another instance stored is not
 * scored again, so running it twice, or at once, stores each score once.
 */
export async function backfillScores(db: Db, batchSize = 200): Promise<number> {
  if ((await unscored(db, 1)).length === 0) return 0;
  let done = 0;
  for (;;) {
    const stored = await withTransaction({ db }, async ({ db }) => {
      await db.execute(sql`select pg_advisory_xact_lock(${BACKFILL_LOCK})`);
      const batch = await unscored(db, batchSize);
      if (batch.length > 0) await storeScores(db, await scoresOf(db, batch));
      return batch.length;
    });
    if (stored === 0) return done;
    done += stored;
  }
}

/**
 * Scores submitted assessments again from what is kept (answers, capped measured levels, evidence
 * lapses) and stores the scores, inside the caller's transaction: when a lapse is kept or dropped.
 */
export async function rescoreAssessments(db: Db, assessmentIds: readonly string[]): Promise<void> {
  if (assessmentIds.length === 0) return;
  const batch = await db
    .select(toScore)
    .from(assessments)
    .where(and(inArray(assessments.id, [...assessmentIds]), eq(assessments.status, "submitted")));
  await storeScores(db, await scoresOf(db, batch));
}

type ToScore = { id: string; organisationId: string; modelVersionId: string; respondents: (typeof assessments.$inferSelect)["respondents"] };

/** Each assessment's score (and respondents' spread), from its stored answers and model version. */
async function scoresOf(db: Db, batch: readonly ToScore[]): Promise<ScoreToStore[]> {
  const versionIds = [...new Set(batch.map((a) => a.modelVersionId))];
  const models = new Map<string, Model>(
    (await db.select({ id: modelVersions.id, definition: modelVersions.definition }).from(modelVersions).where(inArray(modelVersions.id, versionIds))).map(
      (m) => [m.id, m.definition],
    ),
  );
  const answerRows = await db
    .select({ assessmentId: answers.assessmentId, questionId: answers.questionId, kind: answers.kind, level: answers.level, reason: answers.reason })
    .from(answers)
    .where(
      inArray(
        answers.assessmentId,
        batch.map((a) => a.id),
      ),
    );
  const byAssessment = new Map<string, Map<string, ReturnType<typeof answerFromColumns>>>();
  for (const row of answerRows) {
    let map = byAssessment.get(row.assessmentId);
    if (!map) byAssessment.set(row.assessmentId, (map = new Map()));
    map.set(row.questionId, answerFromColumns(row));
  }
  const ids = batch.map((a) => a.id);
  const caps = await keptCaps(db, ids);
  const lapses = await keptLapses(db, ids);
  const several = await respondentsOf(
    db,
    batch.flatMap((a) => (a.respondents === "shared" ? [] : [a.id])),
  );
  return batch.map((a) => {
    const model = models.get(a.modelVersionId);
    if (!model) throw new Error(`model version ${a.modelVersionId} of assessment ${a.id} is missing`);
    return {
      organisationId: a.organisationId,
      assessmentId: a.id,
      score: scoreAssessment(model, countedAnswers(model, byAssessment.get(a.id) ?? new Map(), { caps: caps.get(a.id), lapses: lapses.get(a.id) })),
      spread: a.respondents === "shared" ? null : respondentSpread(model, several.get(a.id) ?? []),
    };
  });
}

/** The answers measured levels capped when assessments were submitted, by assessment: scored again, they are capped again. */
async function keptCaps(db: Db, assessmentIds: readonly string[]): Promise<Map<string, { questionId: string; level: number }[]>> {
  const out = new Map<string, { questionId: string; level: number }[]>();
  const rows = await db
    .select({ assessmentId: measuredLevels.assessmentId, questionId: measuredLevels.questionId, level: measuredLevels.level })
    .from(measuredLevels)
    .where(and(inArray(measuredLevels.assessmentId, [...assessmentIds]), eq(measuredLevels.capped, true)));
  for (const { assessmentId, ...cap } of rows) out.set(assessmentId, [...(out.get(assessmentId) ?? []), cap]);
  return out;
}

/** Evidence lapses kept for assessments, by assessment: scored again, those answers count lower again. */
async function keptLapses(db: Db, assessmentIds: readonly string[]): Promise<Map<string, EvidenceLapse[]>> {
  const out = new Map<string, EvidenceLapse[]>();
  const rows = await db
    .select({
      assessmentId: evidenceLapses.assessmentId,
      questionId: evidenceLapses.questionId,
      expiredOn: evidenceLapses.expiredOn,
      counted: evidenceLapses.counted,
    })
    .from(evidenceLapses)
    .where(inArray(evidenceLapses.assessmentId, [...assessmentIds]));
  for (const { assessmentId, ...lapse } of rows) out.set(assessmentId, [...(out.get(assessmentId) ?? []), lapse]);
  return out;
}
