import { z } from "zod";
import { TEAM_NAME_MAX } from "./limits";
import { pageParam, queryParam } from "./query";
import { nameSchema } from "./text";

// Group names follow the team-name rules.
export const groupNameSchema = nameSchema({ what: "A group name", max: TEAM_NAME_MAX, missing: "Enter a group name." });

/** A group picked in a form: empty means "none" (directly under the organisation, or in no group). */
const optionalGroupId = (message: string) => z.union([z.literal("").transform(() => null), z.uuid(message)]);

export const createGroupSchema = z.object({ name: groupNameSchema, parentId: optionalGroupId("Choose a parent group from the list.") });
export const renameGroupSchema = z.object({ groupId: z.uuid("Unknown group."), name: groupNameSchema });
export const moveGroupSchema = z.object({ groupId: z.uuid("Unknown group."), parentId: optionalGroupId("Choose a parent group from the list.") });
export const deleteGroupSchema = z.object({ groupId: z.uuid("Unknown group.") });
export const setTeamGroupSchema = z.object({ teamId: z.uuid("Unknown team."), groupId: optionalGroupId("Choose a group from the list.") });

/** Teams per page on the groups page: each has its own group picker, so hundreds are paged. */
export const TEAM_GROUPS_PAGE_SIZE = 50;

/** Which teams the groups page lists, as its link says: every team, those in no group, or one group's (with the groups inside it). */
export const teamGroupsQuerySchema = z.object({
  teams: queryParam(
    z.union([z.enum(["all", "none"]), z.uuid("That group is not one of this organisation's.")], "That group is not one of this organisation's."),
  ).transform((t) => t ?? "all"),
  page: pageParam,
});

export type TeamGroupsQuery = z.infer<typeof teamGroupsQuerySchema>;

/** The groups page's link for a team list; defaults are left out. */
export function teamGroupsHref({ teams, page }: TeamGroupsQuery): string {
  const params = new URLSearchParams();
  if (teams !== "all") params.set("teams", teams);
  if (page !== 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/groups?${search}#team-groups-heading` : "/groups#team-groups-heading";
}
