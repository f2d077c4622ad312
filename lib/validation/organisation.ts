import { z } from "zod";
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
