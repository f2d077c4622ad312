import "server-only";
import { eq, sql } from "drizzle-orm";
import { DEFAULT_CADENCE } from "@/lib/cadence";
import type { FirstRunProgress } from "@/lib/first-run";
import type { Ctx } from "../context";
import { assessments, auditEvents, inviteLinks, members, organisations, teams } from "../schema";
import { requirePermission } from "./access";

/**
 * How far a new organisation has come with its first steps, read from its data in one statement
 * (each step an exists-subquery): a team, an invitation (or a second member), a submitted
 * assessment, and a cadence.
 *
 * The cadence counts as set when a team's lead chose one on the team page (the audit log has
 * `team.cadence`) or a team keeps another than the default. It also counts when a team has submitted
 * a second assessment: such a team is already coming back on a cadence — the default one, kept on
 * purpose — so there is nothing left to guide. That is what an organisation with history looks
 * like, the demo organisation among them (two years of quarterly assessments, no cadence ever
 * changed), and it should not be shown a first-run checklist.
 */
export async function firstRunProgress(ctx: Ctx): Promise<FirstRunProgress> {
  requirePermission(ctx, "teams.manage");
  const org = ctx.organisationId;
  const submitted = sql`${assessments.organisationId} = ${org} and ${assessments.status} = 'submitted'`;
  const [row] = await ctx.db
    .select({
      teamCreated: sql<boolean>`exists (select 1 from ${teams} where ${teams.organisationId} = ${org})`,
      peopleInvited: sql<boolean>`exists (select 1 from ${inviteLinks} where ${inviteLinks.organisationId} = ${org})
        or exists (select 1 from ${members} where ${members.organisationId} = ${org} offset 1)`,
      assessmentSubmitted: sql<boolean>`exists (select 1 from ${assessments} where ${submitted})`,
      // Cheapest first: an organisation with history stops at the second test, before the audit log is read.
      cadenceSet: sql<boolean>`exists (select 1 from ${teams} where ${teams.organisationId} = ${org} and ${teams.cadence} <> ${DEFAULT_CADENCE})
        or exists (select 1 from ${assessments} where ${submitted} group by ${assessments.teamId} having count(*) > 1)
        or exists (select 1 from ${auditEvents} where ${auditEvents.organisationId} = ${org} and ${auditEvents.action} = 'team.cadence')`,
    })
    .from(organisations)
    .where(eq(organisations.id, org));
  return {
    teamCreated: row?.teamCreated === true,
    peopleInvited: row?.peopleInvited === true,
    assessmentSubmitted: row?.assessmentSubmitted === true,
    cadenceSet: row?.cadenceSet === true,
  };
}
