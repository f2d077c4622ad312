"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/db/queries/access";
import { saveSsoSettings } from "@/db/queries/sso";
import { saveSsoSchema } from "@/lib/validation/sso";
import { formAction } from "@/server/action";
import { allowedSsoOrigins } from "@/server/sso";
import { discoverIssuer } from "@/server/sso-discovery";

/** Saves the organisation's single sign-on once its issuer's discovery document checks out. */
export const saveSsoAction = formAction("member", saveSsoSchema, async (input, { ctx }) => {
  requirePermission(ctx, "sso.manage");
  const discovered = await discoverIssuer(input.issuer, allowedSsoOrigins());
  await saveSsoSettings(ctx, input, discovered);
  revalidatePath("/organisation/sso");
  return { domains: input.domains };
});
