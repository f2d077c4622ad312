import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Actor, ActorKind } from "@/lib/actor";
import type { Ctx } from "../context";
import { auditEvents, users } from "../schema";
import { requirePermission } from "./access";

export type AuditEntry = { action: string; summary: string; detail?: Record<string, unknown> };

/** How an actor is kept in an audit row: members by account, everyone else by name. */
function actorColumns(actor: Actor): { actorKind: ActorKind; actorId: string | null; actorLabel: string | null } {
  switch (actor.kind) {
    case "member":
      return { actorKind: "member", actorId: actor.userId, actorLabel: null };
    case "participant":
      return { actorKind: "participant", actorId: null, actorLabel: actor.name ?? "an anonymous participant" };
    case "token":
      return { actorKind: "token", actorId: null, actorLabel: actor.name };
    case "system":
      return { actorKind: "system", actorId: null, actorLabel: actor.name };
  }
}

/**
 * Records who did what, taking the actor from the context. Call it with the context of the
 * transaction that made the change, so both land or neither.
 */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditEvents).values({ organisationId: ctx.organisationId, ...actorColumns(ctx.actor), ...entry });
}

export type AuditEvent = { id: string; action: string; summary: string; actorName: string; createdAt: Date };

/** How the audit log names who did something. */
function describeActor(kind: ActorKind, memberName: string | null, label: string | null): string {
  if (kind === "member") return memberName ?? "A former member";
  if (kind === "system") return `Stave (${label})`;
  if (kind === "token") return `API token “${label}”`;
  return `Participant ${label}`;
}

export async function listAuditEvents(ctx: Ctx, { before, limit = 100 }: { before?: Date; limit?: number } = {}): Promise<AuditEvent[]> {
  requirePermission(ctx, "audit.read");
  const rows = await ctx.db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      summary: auditEvents.summary,
      actorKind: auditEvents.actorKind,
      actorLabel: auditEvents.actorLabel,
      memberName: users.name,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.organisationId, ctx.organisationId), before ? lt(auditEvents.createdAt, before) : undefined))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.seq))
    .limit(limit);
  return rows.map(({ actorKind, actorLabel, memberName, ...event }) => ({ ...event, actorName: describeActor(actorKind, memberName, actorLabel) }));
}
