"use server";

import { revalidatePath } from "next/cache";
import { createTeam, renameTeam, setTeamArchived } from "@/db/queries/teams";
import { addTeamMember, removeTeamMember } from "@/db/queries/team-members";
import { archiveTeamSchema, createTeamSchema, renameTeamSchema, teamMemberSchema } from "@/lib/validation/team";
import { formAction } from "@/server/action";
import { authorize } from "@/server/authorize";

export const createTeamAction = formAction(createTeamSchema, async ({ name }, { viewer }) => {
  await authorize(viewer, "teams.manage");
  const team = await createTeam(viewer.organisation.id, name, viewer.user.id);
  revalidatePath("/teams");
  return { id: team.id, name: team.name };
});

export const renameTeamAction = formAction(renameTeamSchema, async ({ teamId, name }, { viewer }) => {
  await authorize(viewer, "teams.manage");
  const team = await renameTeam(viewer.organisation.id, teamId, name, viewer.user.id);
  revalidatePath("/teams", "layout");
  return { name: team.name };
});

export const archiveTeamAction = formAction(archiveTeamSchema, async ({ teamId, archived }, { viewer }) => {
  await authorize(viewer, "teams.manage");
  await setTeamArchived(viewer.organisation.id, teamId, archived, viewer.user.id);
  revalidatePath("/teams", "layout");
  return { archived };
});

export const addTeamMemberAction = formAction(teamMemberSchema, async ({ teamId, userId }, { viewer }) => {
  await authorize(viewer, "teams.manage");
  await addTeamMember(viewer.organisation.id, teamId, userId);
  revalidatePath(`/teams/${teamId}`);
  return { userId };
});

export const removeTeamMemberAction = formAction(teamMemberSchema, async ({ teamId, userId }, { viewer }) => {
  await authorize(viewer, "teams.manage");
  await removeTeamMember(viewer.organisation.id, teamId, userId);
  revalidatePath(`/teams/${teamId}`);
  return { userId };
});
