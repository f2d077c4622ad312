import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { scoreDigits, scoreRange } from "@/lib/model/scoring-rules";
import { targetDateProblem, targetLevelProblem, type Target } from "@/lib/target";
import type { SetTargetInput } from "@/lib/validation/improvement";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { assessmentAreaScores, assessmentScores, assessments, targets } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";
import { lockSubmittedAssessment } from "./improvement-cycle";
import { teamResultsVisible } from "./privacy";

/** The primary weakest stave of a stored score (the first at the water level, in model order). */
const sqlFirstWeakest = sql`${assessmentScores.weakest}[1]`;

/**
 * Sets (or replaces) the target of a submitted assessment: a level for its weakest stave (or for
 * the area a workshop agreed to raise), above its score and within the scale, by a day after
 * today. Checked and written in one transaction.
 */
export async function setTarget(ctx: Ctx, input: SetTargetInput & { areaId?: string }, now = new Date()): Promise<Target> {
  return withTransaction(ctx, async (ctx) => {
    const assessment = await lockSubmittedAssessment(ctx, input.assessmentId);
    // A target is for the next cycle, so it is set on the team's newest assessment.
    const [newer] = await ctx.db
      .select({ submittedAt: assessments.submittedAt })
      .from(assessments)
      .where(
        and(
          eq(assessments.organisationId, ctx.organisationId),
          eq(assessments.teamId, assessment.teamId),
          eq(assessments.status, "submitted"),
          gt(assessments.submittedAt, assessment.submittedAt),
        ),
      )
      .limit(1);
    if (newer)
      throw new AppError(
        "invalid_input",
        `A target is set on the team's newest assessment; this one was followed by the assessment of ${formatDate(newer.submittedAt!)}.`,
      );
    // The area the target raises: the weakest stave, unless an area was agreed.
    const [weakest] = await ctx.db
      .select({ areaId: assessmentAreaScores.areaId, name: assessmentAreaScores.name, score: assessmentAreaScores.score })
      .from(assessmentScores)
      .innerJoin(
        assessmentAreaScores,
        and(
          eq(assessmentAreaScores.assessmentId, assessmentScores.assessmentId),
          eq(assessmentAreaScores.areaId, input.areaId === undefined ? sqlFirstWeakest : sql`${input.areaId}`),
        ),
      )
      .where(and(eq(assessmentScores.organisationId, ctx.organisationId), eq(assessmentScores.assessmentId, assessment.id)));
    const fieldErrors: Record<string, string[]> = {};
    const levelProblem = targetLevelProblem(
      input.level,
      weakest?.score ?? null,
      scoreRange(assessment.model),
      input.areaId ? weakest?.name : undefined,
      scoreDigits(assessment.model),
    );
    if (levelProblem) fieldErrors.level = [levelProblem];
    const dateProblem = targetDateProblem(input.dueOn, now);
    if (dateProblem) fieldErrors.dueOn = [dateProblem];
    const problems = Object.values(fieldErrors).flat();
    if (problems.length > 0 || !weakest || weakest.score === null) throw new AppError("invalid_input", problems[0] ?? levelProblem!, fieldErrors);

    const row = { organisationId: ctx.organisationId, areaId: weakest.areaId, fromScore: weakest.score, level: input.level, dueOn: input.dueOn, setAt: now };
    await ctx.db
      .insert(targets)
      .values({ assessmentId: assessment.id, ...row })
      .onConflictDoUpdate({ target: targets.assessmentId, set: row });
    await recordAudit(ctx, {
      action: "target.set",
      summary: `Set a target for team “${assessment.teamName}”: ${weakest.name} to level ${input.level} by ${formatDate(input.dueOn)}`,
      detail: { assessmentId: assessment.id, teamId: assessment.teamId, areaId: weakest.areaId, level: input.level, dueOn: input.dueOn },
    });
    return {
      assessmentId: assessment.id,
      areaId: weakest.areaId,
      areaName: weakest.name,
      fromScore: weakest.score,
      level: input.level,
      dueOn: input.dueOn,
      setOn: now.toISOString(),
      assessedOn: assessment.submittedAt.toISOString(),
    };
  });
}

/** Every target the team has set, oldest assessment first, with the name of the area it raises; none where the team's results are kept from the actor. */
export async function listTeamTargets(ctx: Ctx, teamId: string): Promise<Target[]> {
  requirePermission(ctx, "results.read");
  const rows = await ctx.db
    .select({
      assessmentId: targets.assessmentId,
      areaId: targets.areaId,
      areaName: assessmentAreaScores.name,
      fromScore: targets.fromScore,
      level: targets.level,
      dueOn: targets.dueOn,
      setOn: targets.setAt,
      assessedOn: sql<Date>`${assessments.submittedAt}`.mapWith(assessments.submittedAt),
    })
    .from(targets)
    .innerJoin(assessments, eq(assessments.id, targets.assessmentId))
    .innerJoin(assessmentAreaScores, and(eq(assessmentAreaScores.assessmentId, targets.assessmentId), eq(assessmentAreaScores.areaId, targets.areaId)))
    .where(
      and(
        eq(targets.organisationId, ctx.organisationId),
        eq(assessments.organisationId, ctx.organisationId),
        eq(assessments.teamId, teamId),
        teamResultsVisible(ctx, assessments.teamId),
      ),
    )
    .orderBy(asc(assessments.submittedAt));
  return rows.map((r) => ({ ...r, setOn: r.setOn.toISOString(), assessedOn: r.assessedOn.toISOString() }));
}
