import { z } from "zod";
import { CADENCES } from "../cadence";
import { TEAM_NAME_MAX } from "./limits";
import { nameSchema } from "./text";
import { pageParam, queryParam } from "./query";

export const teamNameSchema = nameSchema({ what: "A team name", max: TEAM_NAME_MAX, missing: "Enter a team name." });

export const createTeamSchema = z.object({ name: teamNameSchema });
export const renameTeamSchema = z.object({ teamId: z.uuid("Unknown team."), name: teamNameSchema });
export const archiveTeamSchema = z.object({
  teamId: z.uuid("Unknown team."),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const teamMemberSchema = z.object({ teamId: z.uuid("Unknown team."), userId: z.uuid("Choose a person.") });

export const teamCadenceSchema = z.object({
  teamId: z.uuid("Unknown team."),
  cadence: z.enum(CADENCES, "Choose how often the team assesses itself from the list."),
});

export const TEAMS_PAGE_SIZE = 50;

/** What the teams page lists, as its link says: the teams whose name has `find` in it, a page of them. */
export const teamsQuerySchema = z.object({
  find: queryParam(z.string().trim().max(TEAM_NAME_MAX, `Look for at most ${TEAM_NAME_MAX} characters of a name.`)),
  page: pageParam,
});

export type TeamsQuery = z.infer<typeof teamsQuerySchema>;

/** The teams page's link; defaults are left out. */
export function teamsHref({ find, page }: TeamsQuery): string {
  const params = new URLSearchParams();
  if (find) params.set("find", find);
  if (page !== 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/teams?${search}` : "/teams";
}
