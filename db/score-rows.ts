import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { answerFromColumns } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import { SCORING_VERSION, scoreAssessment, type AssessmentScore } from "@/lib/scoring";
import { toStoredScore } from "@/lib/stored-score";
import type { Db, DbOrTx } from "./client";
import { answers, assessmentAreaScores, assessmentScores, assessments, modelVersions } from "./schema";

export type ScoreToStore = { organisationId: string; assessmentId: string; score: AssessmentScore };

/**
 * Writes the score rows of submitted assessments, replacing any older ones. Called inside the
 * transaction that submits (or seeds) them, so an assessment is never submitted without its score.
 */
export async function storeScores(db: DbOrTx, entries: readonly ScoreToStore[]): Promise<void> {
  if (entries.length === 0) return;
  const stored = entries.map((e) => ({ ...e, ...toStoredScore(e.score) }));
  // Area rows go with their headline (on delete cascade).
  await db.delete(assessmentScores).where(inArray(assessmentScores.assessmentId, entries.map((e) => e.assessmentId)));
  await db
    .insert(assessmentScores)
    .values(stored.map(({ organisationId, assessmentId, headline }) => ({ organisationId, assessmentId, scoringVersion: SCORING_VERSION, ...headline })));
  const areaRows = stored.flatMap(({ organisationId, assessmentId, areas }) => areas.map((a) => ({ organisationId, assessmentId, ...a })));
  if (areaRows.length > 0) await db.insert(assessmentAreaScores).values(areaRows);
}

/**
 * Scores every submitted assessment that has no stored score, or one computed by older scoring
 * rules, and stores it. Runs when a database is opened, after its migrations; returns how many it
 * scored. Nothing to do is one query.
 */
export async function backfillScores(db: Db, batchSize = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db
      .select({ id: assessments.id, organisationId: assessments.organisationId, modelVersionId: assessments.modelVersionId })
      .from(assessments)
      .leftJoin(assessmentScores, eq(assessmentScores.assessmentId, assessments.id))
      .where(
        and(
          eq(assessments.status, "submitted"),
          or(isNull(assessmentScores.assessmentId), lt(assessmentScores.scoringVersion, SCORING_VERSION)),
        ),
      )
      .limit(batchSize);
    if (batch.length === 0) return done;

    const versionIds = [...new Set(batch.map((a) => a.modelVersionId))];
    const models = new Map<string, Model>(
      (await db.select({ id: modelVersions.id, definition: modelVersions.definition }).from(modelVersions).where(inArray(modelVersions.id, versionIds))).map(
        (m) => [m.id, m.definition],
      ),
    );
    const answerRows = await db
      .select({ assessmentId: answers.assessmentId, questionId: answers.questionId, kind: answers.kind, level: answers.level, reason: answers.reason })
      .from(answers)
      .where(inArray(answers.assessmentId, batch.map((a) => a.id)));
    const byAssessment = new Map<string, Map<string, ReturnType<typeof answerFromColumns>>>();
    for (const row of answerRows) {
      let map = byAssessment.get(row.assessmentId);
      if (!map) byAssessment.set(row.assessmentId, (map = new Map()));
      map.set(row.questionId, answerFromColumns(row));
    }
    const entries = batch.map((a) => {
      const model = models.get(a.modelVersionId);
      if (!model) throw new Error(`model version ${a.modelVersionId} of assessment ${a.id} is missing`);
      return { organisationId: a.organisationId, assessmentId: a.id, score: scoreAssessment(model, byAssessment.get(a.id) ?? new Map()) };
    });
    await db.transaction((tx) => storeScores(tx, entries));
    done += entries.length;
  }
}
