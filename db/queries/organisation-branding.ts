import "server-only";
import { eq, sql } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { checkLogo, type LogoType } from "@/lib/logo";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { organisationLogos, organisations } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";

// How an organisation appears on the reports it is handed: its name and, if it has one, its logo.

export type Branding = { name: string; logo: { contentType: LogoType; size: number; updatedAt: Date } | null };

/** The organisation's name and its logo's particulars (not its bytes), in one statement. */
export async function getBranding(ctx: Ctx): Promise<Branding> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({
      name: organisations.name,
      contentType: organisationLogos.contentType,
      updatedAt: organisationLogos.updatedAt,
      size: sql<number | null>`octet_length(${organisationLogos.bytes})`.mapWith(Number),
    })
    .from(organisations)
    .leftJoin(organisationLogos, eq(organisationLogos.organisationId, organisations.id))
    .where(eq(organisations.id, ctx.organisationId));
  if (!row) throw notFoundError("The organisation");
  const logo = row.contentType && row.updatedAt ? { contentType: row.contentType, size: row.size ?? 0, updatedAt: row.updatedAt } : null;
  return { name: row.name, logo };
}

/** The logo itself, for whoever may read the organisation's reports; undefined when it has none. */
export async function getLogo(ctx: Ctx): Promise<{ contentType: LogoType; bytes: Uint8Array; updatedAt: Date } | undefined> {
  requirePermission(ctx, "results.read");
  const [row] = await ctx.db
    .select({ contentType: organisationLogos.contentType, bytes: organisationLogos.bytes, updatedAt: organisationLogos.updatedAt })
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, ctx.organisationId));
  return row;
}

/** Sets the organisation's logo after checking the file's bytes (type and size), replacing any before. */
export async function setLogo(ctx: Ctx, bytes: Uint8Array): Promise<void> {
  requirePermission(ctx, "organisation.manage");
  const checked = checkLogo(bytes);
  if (!checked.ok) throw new AppError("invalid_input", checked.message, { logo: [checked.message] });
  await withTransaction(ctx, async (ctx) => {
    const values = { contentType: checked.contentType, bytes, updatedAt: new Date() };
    await ctx.db
      .insert(organisationLogos)
      .values({ organisationId: ctx.organisationId, ...values })
      .onConflictDoUpdate({ target: organisationLogos.organisationId, set: values });
    await recordAudit(ctx, {
      action: "organisation.logo_set",
      summary: "Set the organisation's logo",
      detail: { contentType: checked.contentType, size: bytes.length },
    });
  });
}

export async function removeLogo(ctx: Ctx): Promise<void> {
  requirePermission(ctx, "organisation.manage");
  await withTransaction(ctx, async (ctx) => {
    const removed = await ctx.db
      .delete(organisationLogos)
      .where(eq(organisationLogos.organisationId, ctx.organisationId))
      .returning({ organisationId: organisationLogos.organisationId });
    if (removed.length > 0) await recordAudit(ctx, { action: "organisation.logo_removed", summary: "Removed the organisation's logo" });
  });
}

/** Renames the organisation: the name its members see and its reports carry. */
export async function renameOrganisation(ctx: Ctx, name: string): Promise<void> {
  requirePermission(ctx, "organisation.manage");
  await withTransaction(ctx, async (ctx) => {
    const [before] = await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId)).for("update");
    if (!before) throw notFoundError("The organisation");
    if (before.name === name) return;
    await ctx.db.update(organisations).set({ name }).where(eq(organisations.id, ctx.organisationId));
    await recordAudit(ctx, {
      action: "organisation.renamed",
      summary: `Renamed the organisation from “${before.name}” to “${name}”`,
      detail: { from: before.name, to: name },
    });
  });
}
