import "server-only";
import { eq } from "drizzle-orm";
import { DEFAULT_VALIDITY, validityText } from "@/lib/evidence/validity";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { organisationEvidence } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";

/** How long evidence holds in the organisation when a question does not say (twelve months until owners or admins change it). */
export async function getEvidenceDefault(ctx: Ctx): Promise<string> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({ validFor: organisationEvidence.validFor })
    .from(organisationEvidence)
    .where(eq(organisationEvidence.organisationId, ctx.organisationId));
  return row?.validFor ?? DEFAULT_VALIDITY;
}

/** Sets the organisation's default validity for evidence (owners and admins); evidence already given keeps its own. */
export async function setEvidenceDefault(ctx: Ctx, validFor: string): Promise<void> {
  requirePermission(ctx, "organisation.manage");
  await withTransaction(ctx, async (ctx) => {
    const values = { validFor, updatedAt: new Date() };
    await ctx.db
      .insert(organisationEvidence)
      .values({ organisationId: ctx.organisationId, ...values })
      .onConflictDoUpdate({ target: organisationEvidence.organisationId, set: values });
    await recordAudit(ctx, {
      action: "organisation.evidence_default_set",
      summary: `New evidence holds for ${validityText(validFor)} unless its question says otherwise`,
      detail: { validFor },
    });
  });
}
