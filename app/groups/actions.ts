"use server";

import { revalidatePath } from "next/cache";
import { createGroup, deleteGroup, moveGroup, renameGroup, setTeamGroup } from "@/db/queries/groups";
import { createGroupSchema, deleteGroupSchema, moveGroupSchema, renameGroupSchema, setTeamGroupSchema } from "@/lib/validation/group";
import { formAction } from "@/server/action";

const changed = () => {
  revalidatePath("/groups");
  revalidatePath("/dashboard", "layout");
};

export const createGroupAction = formAction("member", createGroupSchema, async (input, { ctx }) => {
  const group = await createGroup(ctx, input);
  changed();
  return { name: group.name };
});

export const renameGroupAction = formAction("member", renameGroupSchema, async ({ groupId, name }, { ctx }) => {
  const group = await renameGroup(ctx, groupId, name);
  changed();
  return { name: group.name };
});

export const moveGroupAction = formAction("member", moveGroupSchema, async ({ groupId, parentId }, { ctx }) => {
  await moveGroup(ctx, groupId, parentId);
  changed();
  return { parentId };
});

export const deleteGroupAction = formAction("member", deleteGroupSchema, async ({ groupId }, { ctx }) => {
  await deleteGroup(ctx, groupId);
  changed();
  return { groupId };
});

export const setTeamGroupAction = formAction("member", setTeamGroupSchema, async ({ teamId, groupId }, { ctx }) => {
  await setTeamGroup(ctx, teamId, groupId);
  changed();
  revalidatePath(`/teams/${teamId}`);
  return { groupId };
});
