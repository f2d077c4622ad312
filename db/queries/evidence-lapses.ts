import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import { dayOf } from "@/lib/evidence/expiry";
import type { EvidenceLapse } from "@/lib/evidence/lapses";
import { DEFAULT_VALIDITY } from "@/lib/evidence/validity";
import { lowersAnswers, STALE_EVIDENCE_RULE_TEXT, type StaleEvidenceRule } from "@/lib/evidence/stale-rule";
import type { Db } from "../client";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { rescoreAssessments } from "../score-rows";
import { evidenceLapses, organisationEvidence } from "../schema";
import { withTransaction } from "../transaction";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";

// Stale evidence reaches stored scores where the organisation chose so: the answers of a team's
// current assessment (its newest submitted one of each model) whose evidence has expired are kept
// as lapses and counted lower, when it is submitted and when its evidence lapses later (the hourly
// sweep). An assessment a newer one replaced keeps the lapses it had: its score stays what it was.

/** What stale evidence does to the organisation's scores. */
export async function staleEvidenceRule(ctx: Ctx): Promise<StaleEvidenceRule> {
  requirePermission(ctx, "results.read");
  return ruleOf(ctx.db, ctx.organisationId);
}

async function ruleOf(db: Db, organisationId: string): Promise<StaleEvidenceRule> {
  const [row] = await db
    .select({ staleCounts: organisationEvidence.staleCounts })
    .from(organisationEvidence)
    .where(eq(organisationEvidence.organisationId, organisationId));
  return row?.staleCounts ?? "as_answered";
}

/** The organisation's current assessments: each team's newest submitted one of each model. */
const currentAssessments = (organisationId: string) => sql`
  select distinct on (a.team_id, v.model_id) a.id
  from assessments a join model_versions v on v.id = a.model_version_id
  where a.organisation_id = ${organisationId} and a.status = 'submitted'
  order by a.team_id, v.model_id, a.submitted_at desc, a.id desc`;

/**
 * Keeps as lapses the evidence expired by `day` of the given assessments (or of the organisation's
 * current ones), counted by `rule`; returns the assessments that gained one. Lapses already kept stay.
 */
async function recordLapses(db: Db, at: { organisationId: string; rule: StaleEvidenceRule; day: string; assessmentIds?: readonly string[] }) {
  if (!lowersAnswers(at.rule)) return [];
  const which = at.assessmentIds
    ? sql`e.assessment_id in (${sql.join(
        at.assessmentIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`e.assessment_id in (${currentAssessments(at.organisationId)})`;
  const rows = await queryRows<{ assessment_id: string }>(
    db,
    sql`insert into evidence_lapses (assessment_id, organisation_id, question_id, expired_on, counted)
        select e.assessment_id, e.organisation_id, e.question_id, e.expires_on, ${at.rule}
        from answer_evidence e
        where e.organisation_id = ${at.organisationId} and e.expires_on <= ${at.day}::date and ${which}
        on conflict do nothing
        returning assessment_id`,
  );
  return [...new Set(rows.map((r) => r.assessment_id))];
}

/**
 * Keeps the lapses of an assessment being submitted (inside its transaction): its evidence expired
 * by `day` (today, or the day it was submitted for one recreated from an imported history). Returns
 * them for its scores.
 */
export async function lapsesAtSubmission(ctx: Ctx, at: { assessmentId: string; day: string }): Promise<EvidenceLapse[]> {
  // A draft has no lapses (only submitted assessments get them), and most organisations count stale evidence as answered.
  const rule = await ruleOf(ctx.db, ctx.organisationId);
  if (!lowersAnswers(rule)) return [];
  const gained = await recordLapses(ctx.db, { organisationId: ctx.organisationId, rule, day: at.day, assessmentIds: [at.assessmentId] });
  return gained.length > 0 ? lapsesOf(ctx, at.assessmentId) : [];
}

/**
 * The lapses kept for an assessment of the organisation, earliest first. The caller has found the
 * assessment as the asker may see it (its results).
 */
export async function listEvidenceLapses(ctx: Ctx, assessmentId: string): Promise<EvidenceLapse[]> {
  requirePermission(ctx, "results.read");
  return lapsesOf(ctx, assessmentId);
}

const lapsesOf = (ctx: Ctx, assessmentId: string): Promise<EvidenceLapse[]> =>
  ctx.db
    .select({ questionId: evidenceLapses.questionId, expiredOn: evidenceLapses.expiredOn, counted: evidenceLapses.counted })
    .from(evidenceLapses)
    .where(and(eq(evidenceLapses.organisationId, ctx.organisationId), eq(evidenceLapses.assessmentId, assessmentId)))
    .orderBy(asc(evidenceLapses.expiredOn), asc(evidenceLapses.questionId));

/**
 * Owners and admins choose what stale evidence does to scores. The current assessments are scored
 * again at once under the new rule (their lapses replaced); assessments newer ones replaced keep theirs.
 */
export async function setStaleEvidenceRule(ctx: Ctx, rule: StaleEvidenceRule): Promise<{ rescored: number }> {
  requirePermission(ctx, "organisation.manage");
  return withTransaction(ctx, async (ctx) => {
    const { organisationId } = ctx;
    await ctx.db
      .insert(organisationEvidence)
      .values({ organisationId, validFor: DEFAULT_VALIDITY, staleCounts: rule })
      .onConflictDoUpdate({ target: organisationEvidence.organisationId, set: { staleCounts: rule, updatedAt: new Date() } });
    const dropped = await queryRows<{ assessment_id: string }>(
      ctx.db,
      sql`delete from evidence_lapses where organisation_id = ${organisationId} and assessment_id in (${currentAssessments(organisationId)})
          returning assessment_id`,
    );
    const gained = await recordLapses(ctx.db, { organisationId, rule, day: dayOf(now()) });
    const rescored = [...new Set([...dropped.map((r) => r.assessment_id), ...gained])];
    await rescoreAssessments(ctx.db, rescored);
    await recordAudit(ctx, {
      action: "organisation.stale_evidence_set",
      summary: `Stale evidence: ${STALE_EVIDENCE_RULE_TEXT[rule].toLowerCase()}`,
      detail: { rule, rescored: rescored.length },
    });
    return { rescored: rescored.length };
  });
}

/**
 * The hourly sweep: in every organisation whose stale evidence lowers answers, evidence of current
 * assessments that expired since the last sweep becomes a lapse and its assessment is scored again.
 * Each organisation in its own transaction; instances sweeping at once keep each lapse once.
 */
export async function sweepEvidenceLapses(db: Db, at: Date = now()): Promise<number> {
  const organisations = await db
    .select({ organisationId: organisationEvidence.organisationId, rule: organisationEvidence.staleCounts })
    .from(organisationEvidence)
    .where(ne(organisationEvidence.staleCounts, "as_answered"));
  let rescored = 0;
  for (const { organisationId, rule } of organisations) {
    rescored += await withTransaction({ db }, async ({ db }) => {
      const gained = await recordLapses(db, { organisationId, rule, day: dayOf(at) });
      await rescoreAssessments(db, gained);
      return gained.length;
    });
  }
  return rescored;
}
