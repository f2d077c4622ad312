import "server-only";
import { requireScope } from "@/lib/api-tokens";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DeliveryEvent } from "@/lib/delivery/events";
import { AppError, notFoundError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { deliveryEvents, deliveryServices, teams } from "../schema";
import { actorRoleNow, forbidden, requirePermission } from "./access";
import { recordAudit } from "./audit";

export type IngestResult = {
  /** Events stored now. */
  recorded: number;
  /** Events already stored under the same source and id (a retry or a replay): nothing changed. */
  duplicates: { source: string; eventId: string }[];
  /** Services the events named that no team owns yet: kept, and listed for mapping. */
  unmappedServices: string[];
};

/** Who may send events: a token with the `events:write` scope, Stave itself for a signed source, or an owner or admin. */
function requireIngest(ctx: Ctx): void {
  if (ctx.actor.kind === "token") return requireScope(ctx.actor.scopes, "events:write");
  if (ctx.actor.kind === "system") return;
  requirePermission(ctx, "teams.manage");
}

/**
 * Stores delivery events once each, in one transaction: all of them or none. Each service they
 * name is kept (created on first sight, unmapped); an event stored before under the same source and
 * id is left as it was and reported as a duplicate.
 */
export async function recordDeliveryEvents(ctx: Ctx, events: DeliveryEvent[]): Promise<IngestResult> {
  requireIngest(ctx);
  if (events.length === 0) return { recorded: 0, duplicates: [], unmappedServices: [] };
  const names = [...new Set(events.map((e) => e.service))].sort();
  return withTransaction(ctx, async (ctx) => {
    const seen = new Date();
    const services = await ctx.db
      .insert(deliveryServices)
      .values(names.map((name) => ({ organisationId: ctx.organisationId, name, firstSeenAt: seen, lastSeenAt: seen })))
      .onConflictDoUpdate({ target: [deliveryServices.organisationId, deliveryServices.name], set: { lastSeenAt: seen } })
      .returning({ id: deliveryServices.id, name: deliveryServices.name, teamId: deliveryServices.teamId });
    const serviceId = new Map(services.map((s) => [s.name, s.id]));
    // In one order whoever sends them, so two requests carrying the same events never wait on each other in a circle.
    const ordered = [...events].sort((a, b) =>
      a.source === b.source ? (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0) : a.source < b.source ? -1 : 1,
    );
    const stored = await ctx.db
      .insert(deliveryEvents)
      .values(
        ordered.map((e) => ({
          organisationId: ctx.organisationId,
          serviceId: serviceId.get(e.service)!,
          source: e.source,
          eventId: e.eventId,
          kind: e.kind,
          occurredAt: e.at,
          outcome: e.kind === "deployment" ? e.outcome : null,
          rework: e.kind === "deployment" && e.rework,
          subject: e.kind === "deployment" ? null : e.subject,
          committedAt: e.kind === "change" ? e.committedAt : null,
        })),
      )
      .onConflictDoNothing({ target: [deliveryEvents.organisationId, deliveryEvents.source, deliveryEvents.eventId] })
      .returning({ source: deliveryEvents.source, eventId: deliveryEvents.eventId });
    const fresh = new Set(stored.map((e) => `${e.source}\u0000${e.eventId}`));
    const duplicates: IngestResult["duplicates"] = [];
    for (const e of events) {
      const key = `${e.source}\u0000${e.eventId}`;
      // The first of two copies in one request is stored; the second is a duplicate.
      if (fresh.has(key)) fresh.delete(key);
      else duplicates.push({ source: e.source, eventId: e.eventId });
    }
    return { recorded: stored.length, duplicates, unmappedServices: services.filter((s) => s.teamId === null).map((s) => s.name) };
  });
}

export type ServiceRow = { id: string; name: string; teamId: string | null; teamName: string | null; firstSeenAt: Date; lastSeenAt: Date; events: number };

/** The organisation's services, unmapped ones first, each with its team and how many events it has. */
export async function listServices(ctx: Ctx): Promise<ServiceRow[]> {
  requirePermission(ctx, "teams.manage");
  return ctx.db
    .select({
      id: deliveryServices.id,
      name: deliveryServices.name,
      teamId: deliveryServices.teamId,
      teamName: teams.name,
      firstSeenAt: deliveryServices.firstSeenAt,
      lastSeenAt: deliveryServices.lastSeenAt,
      events: sql<number>`(select count(*) from ${deliveryEvents} where ${deliveryEvents.serviceId} = ${deliveryServices.id})::int`,
    })
    .from(deliveryServices)
    .leftJoin(teams, eq(teams.id, deliveryServices.teamId))
    .where(eq(deliveryServices.organisationId, ctx.organisationId))
    .orderBy(sql`${deliveryServices.teamId} is not null`, asc(deliveryServices.name));
}

/** The names of the organisation's services no team owns yet. */
export async function unmappedServiceNames(ctx: Ctx): Promise<string[]> {
  requirePermission(ctx, "teams.manage");
  const rows = await ctx.db
    .select({ name: deliveryServices.name })
    .from(deliveryServices)
    .where(and(eq(deliveryServices.organisationId, ctx.organisationId), isNull(deliveryServices.teamId)))
    .orderBy(asc(deliveryServices.name));
  return rows.map((r) => r.name);
}

/**
 * Maps a service to a team (or, with null, unmaps it): its events then count for that team. Owners
 * and admins, by their role now; a service or team of another organisation is not found here.
 */
export async function mapService(ctx: Ctx, serviceId: string, teamId: string | null): Promise<{ name: string; teamName: string | null }> {
  requirePermission(ctx, "teams.manage");
  return withTransaction(ctx, async (ctx) => {
    const role = await actorRoleNow(ctx);
    if (!role || !can(role, "teams.manage")) throw forbidden("teams.manage");
    let teamName: string | null = null;
    if (teamId !== null) {
      const [team] = await ctx.db
        .select({ name: teams.name, archivedAt: teams.archivedAt })
        .from(teams)
        .where(and(eq(teams.id, teamId), eq(teams.organisationId, ctx.organisationId)))
        .for("share");
      if (!team) throw notFoundError("The team");
      if (team.archivedAt)
        throw new AppError("invalid_input", `The team “${team.name}” is archived: restore it before mapping services to it.`, { teamId: ["archived"] });
      teamName = team.name;
    }
    const [row] = await ctx.db
      .update(deliveryServices)
      .set({ teamId })
      .where(and(eq(deliveryServices.id, serviceId), eq(deliveryServices.organisationId, ctx.organisationId)))
      .returning({ name: deliveryServices.name });
    if (!row) throw notFoundError("The service");
    await recordAudit(ctx, {
      action: teamId ? "delivery_service.mapped" : "delivery_service.unmapped",
      summary: teamId ? `Mapped the service “${row.name}” to the team “${teamName}”` : `Unmapped the service “${row.name}” from its team`,
      detail: { serviceId, teamId },
    });
    return { name: row.name, teamName };
  });
}
