import { z } from "zod";

export const ORGANISATION_NAME_MAX = 80;

export const createOrganisationSchema = z.object({
  name: z
    .string({ error: "Enter your organisation's name." })
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(1, "Enter your organisation's name.")
        .max(ORGANISATION_NAME_MAX, `An organisation name can be at most ${ORGANISATION_NAME_MAX} characters.`),
    ),
});

export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;
