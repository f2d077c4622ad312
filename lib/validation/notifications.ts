import { z } from "zod";
import { NOTIFICATION_KINDS } from "../notifications";

/** The kinds shown on the form (`offered`) and those ticked (`on`): a kind shown and not ticked is turned off. */
const kinds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(NOTIFICATION_KINDS, "Unknown kind of reminder.")),
);

export const saveNotificationChoicesSchema = z.object({ offered: kinds, on: kinds });
export type SaveNotificationChoicesInput = z.infer<typeof saveNotificationChoicesSchema>;
