import { z } from "zod";
import { TEAM_NAME_MAX } from "./limits";
import { nameSchema } from "./text";

// Group names follow the team-name rules.
export const groupNameSchema = nameSchema({ what: "A group name", max: TEAM_NAME_MAX, missing: "Enter a group name." });

/** A group picked in a form: empty means "none" (directly under the organisation, or in no group). */
const optionalGroupId = (message: string) =>
  z.union([z.literal("").transform(() => null), z.uuid(message)]);

export const createGroupSchema = z.object({ name: groupNameSchema, parentId: optionalGroupId("Choose a parent group from the list.") });
export const renameGroupSchema = z.object({ groupId: z.uuid("Unknown group."), name: groupNameSchema });
export const moveGroupSchema = z.object({ groupId: z.uuid("Unknown group."), parentId: optionalGroupId("Choose a parent group from the list.") });
export const deleteGroupSchema = z.object({ groupId: z.uuid("Unknown group.") });
export const setTeamGroupSchema = z.object({ teamId: z.uuid("Unknown team."), groupId: optionalGroupId("Choose a group from the list.") });
