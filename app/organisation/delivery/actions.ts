"use server";

import { revalidatePath } from "next/cache";
import { mapService } from "@/db/queries/delivery";
import { renewDeliverySource } from "@/db/queries/delivery-sources";
import { setMeasuredLevelsCap } from "@/db/queries/measured-levels";
import { mapServiceSchema, renewDeliverySourceSchema, setMeasuredLevelsCapSchema } from "@/lib/validation/delivery";
import { formAction } from "@/server/action";

// Who may map services and set signing secrets is decided inside each write, with the asker's role as it is then.

const PAGE = "/organisation/delivery";

export const mapServiceAction = formAction("member", mapServiceSchema, async ({ serviceId, teamId }, { ctx }) => {
  const mapped = await mapService(ctx, serviceId, teamId);
  revalidatePath(PAGE);
  return mapped.teamName ? `“${mapped.name}” now counts for ${mapped.teamName}.` : `“${mapped.name}” no longer counts for a team.`;
});

export const renewDeliverySourceAction = formAction("member", renewDeliverySourceSchema, async ({ kind }, { ctx }) => {
  const { secret } = await renewDeliverySource(ctx, kind);
  revalidatePath(PAGE);
  return { secret };
});

export const setMeasuredLevelsCapAction = formAction("member", setMeasuredLevelsCapSchema, async ({ capsAnswers }, { ctx }) => {
  await setMeasuredLevelsCap(ctx, capsAnswers);
  revalidatePath(PAGE);
  return { capsAnswers };
});
