import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { systemActor } from "@/lib/actor";
import { signedSourceLabels, type SignedSource } from "@/lib/delivery/events";
import { newSigningSecret } from "@/lib/delivery/signatures";
import { notFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { deliverySources } from "../schema";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";

export type DeliverySourceRow = { id: string; kind: SignedSource; createdAt: Date };

/** The organisation's signed sources (never their secrets). */
export async function listDeliverySources(ctx: Ctx): Promise<DeliverySourceRow[]> {
  requirePermission(ctx, "teams.manage");
  return ctx.db
    .select({ id: deliverySources.id, kind: deliverySources.kind, createdAt: deliverySources.createdAt })
    .from(deliverySources)
    .where(eq(deliverySources.organisationId, ctx.organisationId))
    .orderBy(asc(deliverySources.kind));
}

/**
 * Gives the organisation's source of this kind a new signing secret, creating the source the first
 * time: its address stays, and deliveries signed with the old secret are refused from now on. The
 * secret is returned once, here.
 */
export async function renewDeliverySource(ctx: Ctx, kind: SignedSource): Promise<{ id: string; secret: string }> {
  requirePermission(ctx, "teams.manage");
  const secret = newSigningSecret();
  return withTransaction(ctx, async (ctx) => {
    const role = await actorRoleNow(ctx);
    if (!role || !can(role, "teams.manage")) throw forbidden("teams.manage");
    const [row] = await ctx.db
      .insert(deliverySources)
      .values({ organisationId: ctx.organisationId, kind, secret, createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null })
      .onConflictDoUpdate({ target: [deliverySources.organisationId, deliverySources.kind], set: { secret, createdAt: new Date() } })
      .returning({ id: deliverySources.id });
    await recordAudit(ctx, {
      action: "delivery_source.secret_set",
      summary: `Set a new signing secret for ${signedSourceLabels[kind]}`,
      detail: { sourceId: row!.id, kind },
    });
    return { id: row!.id, secret };
  });
}

/**
 * The context a signed delivery is recorded with, and the secret to verify it against. Takes the
 * source's id, not a context: the address is what says which organisation it is for.
 */
export async function deliverySourceContext(db: Db, kind: SignedSource, sourceId: string): Promise<{ ctx: Ctx; secret: string }> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const [row] = uuid.test(sourceId)
    ? await db
        .select({ organisationId: deliverySources.organisationId, secret: deliverySources.secret })
        .from(deliverySources)
        .where(and(eq(deliverySources.id, sourceId), eq(deliverySources.kind, kind)))
    : [];
  if (!row) throw notFoundError("This event source address (it may have been mistyped)");
  return { ctx: { organisationId: row.organisationId, actor: systemActor(signedSourceLabels[kind]), db }, secret: row.secret };
}
