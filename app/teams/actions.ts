"use server";

import { revalidatePath } from "next/cache";
import { createTeam, renameTeam, setTeamArchived } from "@/db/queries/teams";
import { archiveTeamSchema, createTeamSchema, renameTeamSchema } from "@/lib/validation/team";
import { formAction } from "@/server/action";

export const createTeamAction = formAction(createTeamSchema, async ({ name }, { organisation }) => {
  const team = await createTeam(organisation.id, name);
  revalidatePath("/teams");
  return { id: team.id, name: team.name };
});

export const renameTeamAction = formAction(renameTeamSchema, async ({ teamId, name }, { organisation }) => {
  const team = await renameTeam(organisation.id, teamId, name);
  revalidatePath("/teams");
  revalidatePath(`/teams/${teamId}`);
  return { name: team.name };
});

export const archiveTeamAction = formAction(archiveTeamSchema, async ({ teamId, archived }, { organisation }) => {
  await setTeamArchived(organisation.id, teamId, archived);
  revalidatePath("/teams");
  revalidatePath(`/teams/${teamId}`);
  return { archived };
});
