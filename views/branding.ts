import "server-only";
import type { Ctx } from "@/db/context";
import { getBranding, type Branding } from "@/db/queries/organisation-branding";
import { getPrivacyPolicy } from "@/db/queries/privacy";
import { staleEvidenceRule } from "@/db/queries/evidence-lapses";
import { getEvidenceDefault } from "@/db/queries/evidence-settings";
import { allows } from "@/lib/permissions";
import { workshopFacilitatorName } from "@/db/queries/workshop-list";
import { requirePermission } from "@/db/queries/access";
import { notFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

/** The logo's address: a new logo is a new address, so browsers may keep each one for long. */
export const logoHref = (organisationId: string, updatedAt: Date) => `/organisations/${organisationId}/logo?v=${updatedAt.getTime()}`;

const logoOf = (ctx: Ctx, branding: Branding) => branding.logo && logoHref(ctx.organisationId, branding.logo.updatedAt);

/** The organisation settings page: its name, its logo, who sees its results (owners change that), how long evidence holds and what stale evidence counts as. */
export async function organisationSettingsView(ctx: Ctx) {
  requirePermission(ctx, "organisation.manage");
  const [branding, privacy, evidenceDefault, staleEvidence] = await Promise.all([
    getBranding(ctx),
    getPrivacyPolicy(ctx),
    getEvidenceDefault(ctx),
    staleEvidenceRule(ctx),
  ]);
  return {
    name: branding.name,
    evidenceDefault,
    staleEvidence,
    privacy: { ...privacy, canChange: allows(ctx.actor, "privacy.manage") },
    canManageSso: allows(ctx.actor, "sso.manage"),
    logo: branding.logo && { href: logoOf(ctx, branding)!, contentType: branding.logo.contentType, kilobytes: Math.ceil(branding.logo.size / 1024) },
  };
}

export type HandOver = { organisationName: string; logoHref: string | null; person: { role: "Facilitated by" | "Prepared by"; name: string } };

/**
 * The head of a report handed to the client: the organisation's name and logo, and who stands
 * behind the report — a workshop's facilitator, or else the person preparing it.
 */
export async function handOverView(ctx: Ctx, { workshopId, preparedBy }: { workshopId?: string; preparedBy: string }): Promise<HandOver> {
  if (workshopId !== undefined && !isUuid(workshopId)) throw notFoundError("The workshop");
  const [branding, facilitator] = await Promise.all([getBranding(ctx), workshopId ? workshopFacilitatorName(ctx, workshopId) : null]);
  return {
    organisationName: branding.name,
    logoHref: logoOf(ctx, branding),
    person: facilitator ? { role: "Facilitated by", name: facilitator } : { role: "Prepared by", name: preparedBy },
  };
}
