import { z } from "zod";
import { ORGANISATION_NAME_MAX } from "./limits";
import { nameSchema } from "./text";

export const createOrganisationSchema = z.object({
  name: nameSchema({ what: "An organisation name", max: ORGANISATION_NAME_MAX, missing: "Enter your organisation's name." }),
});
