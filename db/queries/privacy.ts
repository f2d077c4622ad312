import "server-only";
import { and, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { DEFAULT_PRIVACY, groupsInside, TEAM_ONLY_RESULTS, type Asker, type PrivacyGroup, type PrivacyPolicy } from "@/lib/dashboard/privacy";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { assessments, organisationPrivacy } from "../schema";
import { actorInTeam, requirePermission } from "./access";
import { recordAudit } from "./audit";

// Who sees what of an organisation's results. Owners choose whether each team's own results are
// everyone's in the organisation or only the team's and its leads', and how many assessed teams a
// group needs before its aggregates are shown outside it (lib/dashboard/privacy.ts decides the rest).

/** The organisation's privacy settings (the defaults when owners have not changed them). */
export async function getPrivacyPolicy(ctx: Ctx): Promise<PrivacyPolicy> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({ teamResults: organisationPrivacy.teamResults, minTeams: organisationPrivacy.minTeams })
    .from(organisationPrivacy)
    .where(eq(organisationPrivacy.organisationId, ctx.organisationId));
  return row ?? DEFAULT_PRIVACY;
}

/** Sets the organisation's privacy settings (owners only); the dashboard version moves with them (migration 0019). */
export async function setPrivacyPolicy(ctx: Ctx, policy: PrivacyPolicy): Promise<void> {
  requirePermission(ctx, "privacy.manage");
  await withTransaction(ctx, async (ctx) => {
    const values = { ...policy, updatedAt: new Date() };
    await ctx.db
      .insert(organisationPrivacy)
      .values({ organisationId: ctx.organisationId, ...values })
      .onConflictDoUpdate({ target: organisationPrivacy.organisationId, set: values });
    const who = policy.teamResults === "team" ? "the team and its leads" : "everyone in the organisation";
    await recordAudit(ctx, {
      action: "organisation.privacy_set",
      summary: `Each team's results are seen by ${who}; groups need ${policy.minTeams} assessed teams`,
      detail: policy,
    });
  });
}

/** Those who lead every team: they see every team's own results whatever the setting. */
export function leadsEveryTeam(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "member" && (actor.role === "owner" || actor.role === "admin" || actor.role === "facilitator"));
}

/** Those inside every group for the small-group rule: owners, admins and Stave itself. */
const insideEveryGroup = (actor: Actor) => actor.kind === "system" || (actor.kind === "member" && (actor.role === "owner" || actor.role === "admin"));

/**
 * A condition for a query's WHERE: the actor may read the own results (scores, answers, trend) of
 * the team `teamId` (a column or a value). Decided by the same statement that reads them.
 */
export function teamResultsVisible(ctx: Ctx, teamId: SQLWrapper): SQL {
  if (leadsEveryTeam(ctx.actor)) return sql`true`;
  const teamOnly = sql`exists (select 1 from ${organisationPrivacy} where ${organisationPrivacy.organisationId} = ${ctx.organisationId} and ${organisationPrivacy.teamResults} = 'team')`;
  return sql`(not ${teamOnly} or ${actorInTeam(ctx, teamId)})`;
}

/** Whether the actor may read the own results of this team (its results pages, trend and scores). */
export async function mayReadTeamResults(ctx: Ctx, teamId: string): Promise<boolean> {
  if (leadsEveryTeam(ctx.actor)) return true;
  const [row] = await queryRows<{ ok: boolean }>(ctx.db, sql`select ${teamResultsVisible(ctx, sql`${teamId}::uuid`)} as ok`);
  return row?.ok === true;
}

/**
 * The refusal of a team's own results under "the team and its leads only". Said plainly, not as
 * "not found": the team exists and the reader may know it; the organisation chose to keep its
 * results to the team.
 */
export const privateResultsError = () => new AppError("results_private", TEAM_ONLY_RESULTS);

/** Whether this is a submitted assessment of the organisation whose team's results the actor may not read (to say why it is not shown). */
export async function isPrivateAssessment(ctx: Ctx, assessmentId: string): Promise<boolean> {
  if (leadsEveryTeam(ctx.actor)) return false;
  const [row] = await ctx.db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, ctx.organisationId),
        eq(assessments.id, assessmentId),
        eq(assessments.status, "submitted"),
        sql`not ${teamResultsVisible(ctx, assessments.teamId)}`,
      ),
    );
  return row !== undefined;
}

/** The actor's teams in the organisation and the groups they sit in. */
async function actorTeams(ctx: Ctx): Promise<{ teamId: string; groupId: string | null }[]> {
  if (ctx.actor.kind !== "member") return [];
  return queryRows<{ teamId: string; groupId: string | null }>(
    ctx.db,
    sql`select t.id as "teamId", t.group_id as "groupId" from team_members tm join teams t on t.id = tm.team_id
        where tm.user_id = ${ctx.actor.userId} and t.organisation_id = ${ctx.organisationId}`,
  );
}

/**
 * Who asks, for the small-group rule: owners and admins are inside every group; a member inside the
 * organisation and the groups of their teams (with their ancestors), knowing their own teams'
 * results; an API token inside none.
 */
export async function askerOf(ctx: Ctx, groups: readonly PrivacyGroup[]): Promise<Asker & { key: string }> {
  const { actor } = ctx;
  if (insideEveryGroup(actor)) return { everywhere: true, inside: new Set(), knownTeams: new Set(), key: "everywhere" };
  if (actor.kind !== "member") return { everywhere: false, inside: new Set(), knownTeams: new Set(), key: "outside" };
  const mine = await actorTeams(ctx);
  return {
    everywhere: false,
    inside: groupsInside(
      groups,
      mine.map((t) => t.groupId),
    ),
    knownTeams: new Set(mine.map((t) => t.teamId)),
    key: `member:${actor.userId}`,
  };
}
