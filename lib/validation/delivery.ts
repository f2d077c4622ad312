import { z } from "zod";
import { SIGNED_SOURCES } from "../delivery/events";

export const mapServiceSchema = z.object({
  serviceId: z.uuid("Unknown service."),
  /** Empty: no team (the service's events count for nobody). */
  teamId: z.union([z.literal("").transform(() => null), z.uuid("Choose a team from the list.")]),
});

export const renewDeliverySourceSchema = z.object({ kind: z.enum(SIGNED_SOURCES, "Unknown source.") });

/** Whether the level delivery data measures caps a team's answer in scores. */
export const setMeasuredLevelsCapSchema = z.object({
  capsAnswers: z.enum(["on", "off"], "Choose whether measured levels cap answers.").transform((v) => v === "on"),
});
