import "server-only";
import type { Ctx } from "@/db/context";
import { listGroups } from "@/db/queries/groups";
import { getOrganisation } from "@/db/queries/organisations";
import { listTeamsPage } from "@/db/queries/teams";
import type { OrganisationResource, TeamListResource } from "@/lib/contracts/organisation";

/** The organisation and its groups. */
export async function organisationView(ctx: Ctx): Promise<{ organisation: OrganisationResource }> {
  const [organisation, groups] = await Promise.all([getOrganisation(ctx), listGroups(ctx)]);
  return { organisation: { ...organisation, groups } };
}

/**
 * One page of the organisation's teams, archived ones included. `after` is the last id of the page
 * before (from a cursor); `nextAfter` is where the next page starts, undefined on the last.
 */
export async function teamListView(
  ctx: Ctx,
  { after, limit }: { after?: string; limit: number },
): Promise<{ teams: Omit<TeamListResource, "nextCursor">; nextAfter?: string }> {
  const { teams, more } = await listTeamsPage(ctx, { after, limit });
  return {
    teams: { items: teams.map((t) => ({ id: t.id, name: t.name, groupId: t.groupId, cadence: t.cadence, archivedAt: t.archivedAt?.toISOString() ?? null })) },
    nextAfter: more ? teams.at(-1)!.id : undefined,
  };
}
