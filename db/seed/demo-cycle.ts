import { and, asc, eq, inArray } from "drizzle-orm";
import type { ActionStatus } from "@/lib/improvement-actions";
import { levelBounds } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";
import { defaultTargetDate, targetAdvice } from "@/lib/target";
import { isoDate } from "@/lib/format";
import type { Tx } from "../client";
import { assessmentScores, assessments, improvementActions, targets, trendAnnotations } from "../schema";

const DAY = 86_400_000;

/** How many of a team's latest cycles get a target and actions, and how those actions ended. */
const CYCLES: Record<string, { cycles: number; ended: ActionStatus[]; owners: string[]; notes: { quartersAgo: number; text: string }[] }> = {
  Payments: {
    cycles: 3,
    ended: ["done", "done"],
    owners: ["Amara (tech lead)", "Platform guild"],
    notes: [
      { quartersAgo: 5, text: "Moved the payment services to Kubernetes" },
      { quartersAgo: 2, text: "Two engineers joined from Checkout" },
    ],
  },
  Search: {
    cycles: 3,
    ended: ["dropped", "done"],
    owners: ["Lukas (team lead)", "Search on-call"],
    notes: [{ quartersAgo: 3, text: "Reorganised into stream-aligned teams" }],
  },
};

/**
 * The improvement cycle for a few demo teams: on each of their latest assessments a target for
 * the weakest stave (as the advice suggests, by the end of the next quarter) and two actions taken
 * from the model's own next-level guidance; older cycles' actions ended, the newest still open
 * (one of them overdue), and notes on the trend. Whether each target was reached follows from the
 * stored scores, as it would for a real team.
 */
export async function insertDemoCycle(
  tx: Tx,
  organisationId: string,
  model: Model,
  teamRows: readonly { id: string; name: string }[],
  now: Date,
): Promise<void> {
  const teams = teamRows.filter((t) => CYCLES[t.name]);
  if (teams.length === 0) return;
  const rows = await tx
    .select({
      id: assessments.id,
      teamId: assessments.teamId,
      submittedAt: assessments.submittedAt,
      waterLevel: assessmentScores.waterLevel,
      weakest: assessmentScores.weakest,
    })
    .from(assessments)
    .innerJoin(assessmentScores, eq(assessmentScores.assessmentId, assessments.id))
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        inArray(
          assessments.teamId,
          teams.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(assessments.submittedAt));
  const bounds = levelBounds(model);
  for (const team of teams) {
    const plan = CYCLES[team.name]!;
    const recent = rows.filter((r) => r.teamId === team.id).slice(-plan.cycles);
    for (const [i, a] of recent.entries()) {
      const area = model.areas.find((x) => x.id === a.weakest[0]);
      const advice = targetAdvice(a.waterLevel, bounds);
      if (!area || a.waterLevel === null || advice.suggested === undefined) continue;
      const submittedAt = a.submittedAt!;
      const newest = i === recent.length - 1;
      await tx.insert(targets).values({
        assessmentId: a.id,
        organisationId,
        areaId: area.id,
        fromScore: a.waterLevel,
        level: advice.suggested,
        dueOn: defaultTargetDate(submittedAt),
        setAt: submittedAt,
      });
      const from = Math.max(0, Math.floor(a.waterLevel) - bounds.min);
      await tx.insert(improvementActions).values(
        area.questions.slice(0, 2).map((q, position) => ({
          organisationId,
          teamId: team.id,
          assessmentId: a.id,
          title: `${q.title}: reach the next level`,
          description: q.next[from] ?? null,
          ownerText: plan.owners[position] ?? null,
          // The newest cycle's first action is already past its date, so the demo shows what overdue looks like.
          dueOn: isoDate(new Date(submittedAt.getTime() + (newest && position === 0 ? 14 : 60) * DAY)),
          status: newest ? (position === 0 ? "in_progress" : "planned") : plan.ended[position]!,
          areaId: area.id,
          questionId: q.id,
          position,
          createdAt: submittedAt,
          updatedAt: submittedAt,
        })),
      );
    }
    if (plan.notes.length > 0) {
      await tx
        .insert(trendAnnotations)
        .values(
          plan.notes.map((n) => ({ organisationId, teamId: team.id, on: isoDate(new Date(now.getTime() - (n.quartersAgo * 91 + 45) * DAY)), text: n.text })),
        );
    }
  }
}
