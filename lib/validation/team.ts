import { z } from "zod";
import { CADENCES } from "../cadence";
import { TEAM_NAME_MAX } from "./limits";
import { nameSchema } from "./text";

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
