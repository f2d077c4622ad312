"use server";

import { revalidatePath } from "next/cache";
import { createTeam, renameTeam, setTeamArchived, setTeamCadence } from "@/db/queries/teams";
import { addTeamMember, removeTeamMember } from "@/db/queries/team-members";
import { archiveTeamSchema, createTeamSchema, renameTeamSchema, teamCadenceSchema, teamMemberSchema } from "@/lib/validation/team";
import { formAction } from "@/server/action";

export const createTeamAction = formAction("member", createTeamSchema, async ({ name }, { ctx }) => {
  const team = await createTeam(ctx, name);
  revalidatePath("/teams");
  return { id: team.id, name: team.name };
});

export const renameTeamAction = formAction("member", renameTeamSchema, async ({ teamId, name }, { ctx }) => {
  const team = await renameTeam(ctx, teamId, name);
  revalidatePath("/teams", "layout");
  return { name: team.name };
});

export const archiveTeamAction = formAction("member", archiveTeamSchema, async ({ teamId, archived }, { ctx }) => {
  await setTeamArchived(ctx, teamId, archived);
  revalidatePath("/teams", "layout");
  return { archived };
});

export const addTeamMemberAction = formAction("member", teamMemberSchema, async ({ teamId, userId }, { ctx }) => {
  await addTeamMember(ctx, teamId, userId);
  revalidatePath(`/teams/${teamId}`);
  return { userId };
});

export const removeTeamMemberAction = formAction("member", teamMemberSchema, async ({ teamId, userId }, { ctx }) => {
  await removeTeamMember(ctx, teamId, userId);
  revalidatePath(`/teams/${teamId}`);
  return { userId };
});

export const setTeamCadenceAction = formAction("member", teamCadenceSchema, async ({ teamId, cadence }, { ctx }) => {
  await setTeamCadence(ctx, teamId, cadence);
  revalidatePath("/teams", "layout");
  return { cadence };
});
