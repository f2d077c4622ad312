import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import { answerColumns, answerFromColumns, type AnswerValue } from "@/lib/answer";
import type { Model } from "@/lib/model/schema";
import { respondentSpread } from "@/lib/respondents";
import { scoreAssessment } from "@/lib/scoring";
import type { Tx } from "../client";
import { storeScores } from "../score-rows";
import { answers, assessments, members, respondentAnswers, teamMembers, users } from "../schema";
import { createRandom } from "./prng";

/** The demo team whose latest assessments were answered by each member, and who they are. */
const TEAM = "Checkout";
const PEOPLE = ["Amara Okafor", "Jonas Berg", "Priya Nair", "Tom Walsh"];
const ASSESSMENTS = 2;

/**
 * Several respondents for one demo team: its latest assessments become ones each member answered
 * on their own. Every member's level lies around the team answer, which stays their median (so the
 * stored scores do not move), a few questions two or more levels apart; the spread is stored as a
 * submission would store it.
 */
export async function insertDemoRespondents(tx: Tx, organisationId: string, model: Model, teamRows: readonly { id: string; name: string }[]): Promise<void> {
  const team = teamRows.find((t) => t.name === TEAM);
  if (!team) return;
  const people = PEOPLE.map((name) => ({
    id: randomUUID(),
    name,
    email: `${name.split(" ")[0]!.toLowerCase()}.${organisationId.slice(0, 8)}@checkout.example`,
  }));
  await tx.insert(users).values(people.map((p) => ({ ...p, emailVerified: true })));
  await tx.insert(members).values(people.map((p) => ({ organisationId, userId: p.id, role: "member" as const })));
  await tx.insert(teamMembers).values(people.map((p) => ({ teamId: team.id, userId: p.id })));

  const latest = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.teamId, team.id), eq(assessments.status, "submitted")))
    .orderBy(desc(assessments.submittedAt))
    .limit(ASSESSMENTS);
  const ids = latest.map((a) => a.id);
  if (ids.length === 0) return;
  await tx.update(assessments).set({ respondents: "named" }).where(inArray(assessments.id, ids));
  await tx.update(answers).set({ fromRespondents: true }).where(inArray(answers.assessmentId, ids));
  const teamAnswers = await tx.select().from(answers).where(inArray(answers.assessmentId, ids));

  const random = createRandom(7);
  const { min, max } = { min: model.scale[0]!.value, max: model.scale.at(-1)!.value };
  const clamp = (n: number) => Math.min(max, Math.max(min, n));
  const rows = teamAnswers.flatMap((answer) => {
    const value = answerFromColumns(answer);
    // Sorted, the second of four is the team level: one at or below it, two on it, one at or above.
    const levels: AnswerValue[] =
      value.kind !== "level"
        ? PEOPLE.map(() => value)
        : [
            clamp(value.level - (random.chance(0.06) ? 2 : random.chance(0.4) ? 1 : 0)),
            value.level,
            value.level,
            clamp(value.level + (random.chance(0.25) ? 1 : 0)),
          ].map((level) => ({ kind: "level", level }));
    return random.shuffle(levels).map((v, i) => ({
      organisationId,
      assessmentId: answer.assessmentId,
      userId: people[i]!.id,
      questionId: answer.questionId,
      ...answerColumns(v),
      note: null,
      updatedAt: answer.updatedAt,
    }));
  });
  await tx.insert(respondentAnswers).values(rows);

  await storeScores(
    tx,
    ids.map((assessmentId) => {
      const own = (answerOf: (r: (typeof rows)[number]) => boolean) => new Map(rows.filter(answerOf).map((r) => [r.questionId, answerFromColumns(r)]));
      const given = new Map(teamAnswers.filter((a) => a.assessmentId === assessmentId).map((a) => [a.questionId, answerFromColumns(a)]));
      return {
        organisationId,
        assessmentId,
        score: scoreAssessment(model, given),
        spread: respondentSpread(
          model,
          people.map((p) => own((r) => r.assessmentId === assessmentId && r.userId === p.id)),
        ),
      };
    }),
  );
}
