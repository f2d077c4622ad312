import { z } from "zod";
import { MIN_TEAMS_HIGHEST, MIN_TEAMS_LOWEST, TEAM_RESULTS_VISIBILITIES } from "../dashboard/privacy";
import { ORGANISATION_NAME_MAX } from "./limits";
import { nameSchema } from "./text";

export const createOrganisationSchema = z.object({
  name: nameSchema({ what: "An organisation name", max: ORGANISATION_NAME_MAX, missing: "Enter your organisation's name." }),
});

export const renameOrganisationSchema = createOrganisationSchema;

/** The uploaded file; what it holds (type, size) is checked by its bytes where it is kept. */
export const uploadLogoSchema = z.object({
  logo: z.instanceof(File, { message: "Choose an image file for the logo." }),
});

/** Who sees each team's own results, and how many assessed teams a group needs before its figures are shown outside it. */
export const privacySchema = z.object({
  teamResults: z.enum(TEAM_RESULTS_VISIBILITIES, { message: "Choose who sees each team's results." }),
  minTeams: z.coerce
    .number({ message: "Enter a whole number of teams." })
    .int("Enter a whole number of teams.")
    .min(MIN_TEAMS_LOWEST, `At least ${MIN_TEAMS_LOWEST} teams: fewer would identify them.`)
    .max(MIN_TEAMS_HIGHEST, `At most ${MIN_TEAMS_HIGHEST} teams.`),
});
