import { z } from "zod";

export const TEAM_NAME_MAX = 60;

export const teamNameSchema = z
  .string({ error: "Enter a team name." })
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Enter a team name.")
      .max(TEAM_NAME_MAX, `A team name can be at most ${TEAM_NAME_MAX} characters.`),
  );

export const createTeamSchema = z.object({ name: teamNameSchema });
export const renameTeamSchema = z.object({ teamId: z.uuid("Unknown team."), name: teamNameSchema });
export const archiveTeamSchema = z.object({
  teamId: z.uuid("Unknown team."),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type CreateTeamInput = z.infer<typeof createTeamSchema>;
export type RenameTeamInput = z.infer<typeof renameTeamSchema>;

export const teamMemberSchema = z.object({ teamId: z.uuid("Unknown team."), userId: z.uuid("Choose a person.") });
