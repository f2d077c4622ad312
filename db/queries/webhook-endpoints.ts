import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { WebhookEndpointInput } from "@/lib/validation/webhooks";
import { WEBHOOK_ENDPOINTS_MAX } from "@/lib/validation/limits";
import { formatWebhookSecret, WEBHOOK_SECRET_BYTES } from "@/lib/webhooks/signature";
import type { WebhookEvent, WebhookFormat } from "@/lib/webhooks/events";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { users, webhookEndpoints } from "../schema";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";

/** How long a replaced secret still signs, so receivers can change theirs without missing a delivery. */
export const PREVIOUS_SECRET_HONOURED_MS = 24 * 3_600_000;

const newSecret = () => formatWebhookSecret(randomBytes(WEBHOOK_SECRET_BYTES));

/** Inside a write: refuses unless the actor may manage webhooks with their role as it is now. */
async function requireWebhookManager(ctx: Ctx): Promise<void> {
  const role = await actorRoleNow(ctx);
  if (!role || !can(role, "webhooks.manage")) throw forbidden("webhooks.manage");
}

export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  format: WebhookFormat;
  enabled: boolean;
  creatorName: string | null;
  createdAt: Date;
  /** A replaced secret still signs until then. */
  previousSecretUntil: Date | null;
};

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  format: webhookEndpoints.format,
  enabled: webhookEndpoints.enabled,
  createdAt: webhookEndpoints.createdAt,
  previousSecretUntil: webhookEndpoints.previousSecretUntil,
};

/** The organisation's endpoints, newest first; their secrets are not part of the list. */
export async function listWebhookEndpoints(ctx: Ctx): Promise<WebhookEndpoint[]> {
  requirePermission(ctx, "webhooks.manage");
  const rows = await ctx.db
    .select({ ...endpointColumns, creatorName: users.name })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(eq(webhookEndpoints.organisationId, ctx.organisationId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  const now = Date.now();
  return rows.map((r) => ({ ...r, previousSecretUntil: r.previousSecretUntil && r.previousSecretUntil.getTime() > now ? r.previousSecretUntil : null }));
}

const describe = (input: { url: string; events: readonly string[] }) => `${input.url} (${input.events.join(", ")})`;

/** Registers an endpoint; returns its signing secret, which is shown to the person this once. */
export async function createWebhookEndpoint(ctx: Ctx, input: WebhookEndpointInput): Promise<{ id: string; secret: string }> {
  requirePermission(ctx, "webhooks.manage");
  const secret = newSecret();
  return withTransaction(ctx, async (ctx) => {
    await requireWebhookManager(ctx);
    const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.organisationId, ctx.organisationId));
    if (n >= WEBHOOK_ENDPOINTS_MAX)
      throw new AppError("invalid_input", `An organisation can have at most ${WEBHOOK_ENDPOINTS_MAX} webhook endpoints: remove one first.`);
    const [row] = await ctx.db
      .insert(webhookEndpoints)
      .values({ organisationId: ctx.organisationId, ...input, secret, createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null })
      .returning({ id: webhookEndpoints.id });
    await recordAudit(ctx, {
      action: "webhook.created",
      summary: `Added the webhook endpoint ${describe(input)}`,
      detail: { endpointId: row!.id, events: input.events, format: input.format },
    });
    return { id: row!.id, secret };
  });
}

/** Changes an endpoint's address, events, format or description; its secret stays. */
export async function changeWebhookEndpoint(ctx: Ctx, endpointId: string, input: WebhookEndpointInput): Promise<void> {
  requirePermission(ctx, "webhooks.manage");
  await withTransaction(ctx, async (ctx) => {
    await requireWebhookManager(ctx);
    const [row] = await ctx.db
      .update(webhookEndpoints)
      .set(input)
      .where(and(eq(webhookEndpoints.organisationId, ctx.organisationId), eq(webhookEndpoints.id, endpointId)))
      .returning({ id: webhookEndpoints.id });
    if (!row) throw notFoundError("The webhook endpoint");
    await recordAudit(ctx, {
      action: "webhook.changed",
      summary: `Changed the webhook endpoint to ${describe(input)}`,
      detail: { endpointId, events: input.events, format: input.format },
    });
  });
}

/** Pauses or resumes deliveries to an endpoint (events while paused are not sent later). */
export async function setWebhookEndpointEnabled(ctx: Ctx, endpointId: string, enabled: boolean): Promise<void> {
  requirePermission(ctx, "webhooks.manage");
  await withTransaction(ctx, async (ctx) => {
    await requireWebhookManager(ctx);
    const [row] = await ctx.db
      .update(webhookEndpoints)
      .set({ enabled })
      .where(and(eq(webhookEndpoints.organisationId, ctx.organisationId), eq(webhookEndpoints.id, endpointId)))
      .returning({ url: webhookEndpoints.url });
    if (!row) throw notFoundError("The webhook endpoint");
    await recordAudit(ctx, {
      action: enabled ? "webhook.resumed" : "webhook.paused",
      summary: `${enabled ? "Resumed" : "Paused"} the webhook endpoint ${row.url}`,
      detail: { endpointId },
    });
  });
}

/**
 * A new signing secret, returned once; the previous one keeps signing beside it for a day, so a
 * receiver that has not changed yet still verifies. Replacing again within that day drops the oldest.
 */
export async function replaceWebhookSecret(ctx: Ctx, endpointId: string): Promise<{ secret: string; previousUntil: Date }> {
  requirePermission(ctx, "webhooks.manage");
  const secret = newSecret();
  const previousUntil = new Date(Date.now() + PREVIOUS_SECRET_HONOURED_MS);
  return withTransaction(ctx, async (ctx) => {
    await requireWebhookManager(ctx);
    const [current] = await ctx.db
      .select({ secret: webhookEndpoints.secret, url: webhookEndpoints.url })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organisationId, ctx.organisationId), eq(webhookEndpoints.id, endpointId)))
      .for("update");
    if (!current) throw notFoundError("The webhook endpoint");
    await ctx.db
      .update(webhookEndpoints)
      .set({ secret, previousSecret: current.secret, previousSecretUntil: previousUntil })
      .where(eq(webhookEndpoints.id, endpointId));
    await recordAudit(ctx, {
      action: "webhook.secret_replaced",
      summary: `Replaced the signing secret of the webhook endpoint ${current.url}`,
      detail: { endpointId },
    });
    return { secret, previousUntil };
  });
}

/** Removes an endpoint and its delivery log. */
export async function removeWebhookEndpoint(ctx: Ctx, endpointId: string): Promise<void> {
  requirePermission(ctx, "webhooks.manage");
  await withTransaction(ctx, async (ctx) => {
    await requireWebhookManager(ctx);
    const [row] = await ctx.db
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organisationId, ctx.organisationId), eq(webhookEndpoints.id, endpointId)))
      .returning({ url: webhookEndpoints.url });
    if (!row) throw notFoundError("The webhook endpoint");
    await recordAudit(ctx, { action: "webhook.removed", summary: `Removed the webhook endpoint ${row.url}`, detail: { endpointId } });
  });
}

/** The secrets a delivery is signed with now: the current one, and a replaced one still honoured. */
export async function endpointSecrets(ctx: Ctx, endpointId: string): Promise<string[]> {
  const now = new Date();
  const [row] = await ctx.db
    .select({ secret: webhookEndpoints.secret, previous: webhookEndpoints.previousSecret, until: webhookEndpoints.previousSecretUntil })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organisationId, ctx.organisationId), eq(webhookEndpoints.id, endpointId)));
  if (!row) return [];
  return row.previous && row.until && row.until > now ? [row.secret, row.previous] : [row.secret];
}

/** Enabled endpoints of the organisation that hear `event` (inside the write that raises it). */
export async function endpointsHearing(ctx: Ctx, event: WebhookEvent): Promise<{ id: string; format: WebhookFormat }[]> {
  const rows = await ctx.db
    .select({ id: webhookEndpoints.id, format: webhookEndpoints.format, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organisationId, ctx.organisationId), eq(webhookEndpoints.enabled, true)));
  return rows.filter((r) => r.events.includes(event)).map(({ id, format }) => ({ id, format }));
}
