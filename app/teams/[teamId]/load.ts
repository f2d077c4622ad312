import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTeamOverview } from "@/db/queries/teams";
import { isUuid } from "@/lib/validation/ids";
import { requireMember } from "@/server/session";

/** The team named in the URL with the actor's scope and its cadence, once per request (metadata and page share it); not found outside the organisation. */
export const loadTeam = cache(async (teamId: string) => {
  const { viewer, ctx } = await requireMember();
  const team = isUuid(teamId) ? await getTeamOverview(ctx, teamId) : undefined;
  if (!team) notFound();
  return { viewer, ctx, team };
});
