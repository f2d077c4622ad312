import { z } from "zod";
import { API_SCOPES, TOKEN_EXPIRY_CHOICES } from "../api-tokens";
import { API_TOKEN_NAME_MAX } from "./limits";
import { nameSchema } from "./text";

/** The scopes ticked: a form sends one value per box, none when nothing is ticked. */
const scopes = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.enum(API_SCOPES, "Choose the scopes from the list."), "Choose the scopes from the list.")
    .transform((list) => [...new Set(list)])
    .refine((list) => list.includes("read"), "Every token needs the read scope: notes are read alongside it."),
);

export const createApiTokenSchema = z.object({
  name: nameSchema({ what: "A token name", max: API_TOKEN_NAME_MAX, missing: "Name the token, e.g. after the dashboard that will use it." }),
  scopes,
  expiresIn: z.enum(TOKEN_EXPIRY_CHOICES, "Choose when the token expires."),
});
export type CreateApiTokenInput = z.output<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("Unknown token.") });
