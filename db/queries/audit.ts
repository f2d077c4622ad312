import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { getDb } from "../client";
import { auditEvents, users } from "../schema";

export type AuditEntry = { action: string; summary: string; detail?: Record<string, unknown> };
type Writer = Pick<Db, "insert">;

/** Records who did what; call it with the transaction that made the change, so both land or neither. */
export async function recordAudit(tx: Writer, organisationId: string, actorId: string | null, entry: AuditEntry) {
  await tx.insert(auditEvents).values({ organisationId, actorId, ...entry });
}

export type AuditEvent = { id: string; action: string; summary: string; actorName: string | null; createdAt: Date };

export async function listAuditEvents(organisationId: string, { before, limit = 100 }: { before?: Date; limit?: number } = {}): Promise<AuditEvent[]> {
  const db = await getDb();
  return db
    .select({ id: auditEvents.id, action: auditEvents.action, summary: auditEvents.summary, actorName: users.name, createdAt: auditEvents.createdAt })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.organisationId, organisationId), before ? lt(auditEvents.createdAt, before) : undefined))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.seq))
    .limit(limit);
}
