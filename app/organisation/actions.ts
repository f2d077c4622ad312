"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeLogo, renameOrganisation, setLogo } from "@/db/queries/organisation-branding";
import { setStaleEvidenceRule } from "@/db/queries/evidence-lapses";
import { setEvidenceDefault } from "@/db/queries/evidence-settings";
import { setPrivacyPolicy } from "@/db/queries/privacy";
import { evidenceDefaultSchema, staleEvidenceRuleSchema } from "@/lib/validation/evidence";
import { privacySchema, renameOrganisationSchema, uploadLogoSchema } from "@/lib/validation/organisation";
import { formAction } from "@/server/action";

// The whole app shows the organisation's name (header, switcher, reports), so every page is fresh after a change.

export const renameOrganisationAction = formAction("member", renameOrganisationSchema, async ({ name }, { ctx }) => {
  await renameOrganisation(ctx, name);
  revalidatePath("/", "layout");
  return { name };
});

export const uploadLogoAction = formAction("member", uploadLogoSchema, async ({ logo }, { ctx }) => {
  await setLogo(ctx, new Uint8Array(await logo.arrayBuffer()));
  revalidatePath("/", "layout");
});

export const removeLogoAction = formAction("member", z.object({}), async (_input, { ctx }) => {
  await removeLogo(ctx);
  revalidatePath("/", "layout");
});

// Who sees what changes every dashboard, team and results page: all are fresh after a change.
export const setPrivacyAction = formAction("member", privacySchema, async (policy, { ctx }) => {
  await setPrivacyPolicy(ctx, policy);
  revalidatePath("/", "layout");
  return policy;
});

// New evidence starts with it in every questionnaire: those pages are fresh after a change.
export const setEvidenceDefaultAction = formAction("member", evidenceDefaultSchema, async ({ validFor }, { ctx }) => {
  await setEvidenceDefault(ctx, validFor);
  revalidatePath("/teams", "layout");
  return { validFor };
});

// Scores of current assessments change at once: every page showing them is fresh after a change.
export const setStaleEvidenceRuleAction = formAction("member", staleEvidenceRuleSchema, async ({ staleCounts }, { ctx }) => {
  const { rescored } = await setStaleEvidenceRule(ctx, staleCounts);
  revalidatePath("/", "layout");
  return { staleCounts, rescored };
});
