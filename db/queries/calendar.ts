import "server-only";
import { addDays } from "date-fns";
import { and, eq, gte, isNull, max, ne } from "drizzle-orm";
import { systemActor } from "@/lib/actor";
import type { Cadence } from "@/lib/cadence";
import { isoDate } from "@/lib/format";
import { REMINDER_LOOKBACK_DAYS } from "@/lib/reminders";
import { toLaterScore, type LaterScore, type Target } from "@/lib/target";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { assessments, organisations, targets, teams } from "../schema";
import { listTeamScores } from "./scores";
import { listTeamTargets } from "./targets";

// What the calendar brings, read once for everyone who reacts to it: the hourly reminders (mail)
// and the calendar's webhook events ask the same questions, with the same one-week look back
// (lib/reminders.ts decides what falls in it).

/** Which organisation to sweep alone (tests that share a database with others); unset, every one. */
export type SweepOptions = { organisationId?: string };

export type LastSubmission = {
  teamId: string;
  teamName: string;
  cadence: Cadence;
  organisationId: string;
  organisationName: string;
  lastSubmittedAt: Date;
};

/** Every active team with a cadence and a submitted assessment, with when it last submitted one: when its next is due follows. */
export async function lastSubmissions(db: Db, { organisationId }: SweepOptions = {}): Promise<LastSubmission[]> {
  const rows = await db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      cadence: teams.cadence,
      organisationId: teams.organisationId,
      organisationName: organisations.name,
      lastSubmittedAt: max(assessments.submittedAt),
    })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .innerJoin(assessments, and(eq(assessments.teamId, teams.id), eq(assessments.status, "submitted")))
    .where(and(isNull(teams.archivedAt), ne(teams.cadence, "none"), organisationId ? eq(teams.organisationId, organisationId) : undefined))
    .groupBy(teams.id, organisations.id);
  return rows.flatMap((r) => (r.lastSubmittedAt ? [{ ...r, lastSubmittedAt: new Date(r.lastSubmittedAt) }] : []));
}

export type TeamTargets = { teamId: string; teamName: string; organisationId: string; targets: Target[]; later: LaterScore[] };

/**
 * The targets of every active team with a target dated in the last week or later, with the scores
 * submitted after them: whether each was reached or missed in the last week follows. A target
 * reached has a date no earlier than the assessment that reached it, so both are among these.
 */
export async function recentTargets(db: Db, now: Date, { organisationId }: SweepOptions = {}): Promise<TeamTargets[]> {
  const rows = await db
    .selectDistinct({ teamId: teams.id, teamName: teams.name, organisationId: teams.organisationId })
    .from(targets)
    .innerJoin(assessments, eq(assessments.id, targets.assessmentId))
    .innerJoin(teams, eq(teams.id, assessments.teamId))
    .where(
      and(
        gte(targets.dueOn, isoDate(addDays(now, -REMINDER_LOOKBACK_DAYS - 1))),
        isNull(teams.archivedAt),
        organisationId ? eq(targets.organisationId, organisationId) : undefined,
      ),
    );
  const out: TeamTargets[] = [];
  for (const team of rows) {
    const ctx: Ctx = { organisationId: team.organisationId, actor: systemActor("calendar"), db };
    const later = (await listTeamScores(ctx, team.teamId)).map(toLaterScore);
    out.push({ ...team, targets: await listTeamTargets(ctx, team.teamId), later });
  }
  return out;
}
