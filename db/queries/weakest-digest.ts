import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { systemActor } from "@/lib/actor";
import { mostCommonWeakest } from "@/lib/dashboard/aggregate";
import { quarterKey, quarterOf, type Quarter } from "@/lib/dashboard/quarter";
import { weakestDigestMail, type WeakestChange } from "@/lib/mail/digest-mail";
import { DIGEST_ROLES } from "@/lib/notifications";
import { dashboardHref } from "@/lib/validation/dashboard";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { withTransaction } from "../transaction";
import { organisations, weakestMarks } from "../schema";
import { dashboardModels, quarterlySeries } from "./dashboard";
import { listGroups } from "./groups";
import { getLatestModelVersion } from "./model-versions";
import type { SweepOptions } from "./calendar";
import { recipients, tellOnce, type ReminderLinks } from "./reminder-sweep";

// The leadership digest: when the weakest stave most teams share changes — in the organisation or
// in one of its groups, per model — the people who read across teams hear of it in one mail. The
// last one seen is kept per scope (weakest_marks); each organisation is swept under a lock, and the
// marks move in the transaction that queues the mails, so a change is told once across instances.

type Scope = { groupId: string | null; name: string };
type Change = { scope: Scope; modelId: string; before: string[]; after: string[] };

/** Sweeps every organisation (or one): returns how many digests were queued. */
export async function sweepWeakestDigest(db: Db, links: ReminderLinks, now = new Date(), { organisationId }: SweepOptions = {}): Promise<number> {
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(organisationId ? eq(organisations.id, organisationId) : undefined);
  let told = 0;
  for (const org of orgs) told += await digestOrganisation(db, links, org, now);
  return told;
}

async function digestOrganisation(db: Db, links: ReminderLinks, org: { id: string; name: string }, now: Date): Promise<number> {
  return withTransaction({ db, organisationId: org.id }, async ({ db }) => {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`weakest-digest:${org.id}`}, 0))`);
    const ctx: Ctx = { organisationId: org.id, actor: systemActor("digest"), db };
    const quarter = quarterOf(now);
    const changes = await moveMarks(ctx, quarter);
    if (changes.length === 0) return 0;
    const names = await modelNames(ctx, [...new Set(changes.map((c) => c.modelId))]);
    let told = 0;
    for (const person of await recipients(db, org.id, "weakest-digest", { roles: DIGEST_ROLES })) {
      // Each reader hears of the scopes whose figures the dashboard shows them (the small-group rule).
      const asker: Actor = { kind: "member", userId: person.userId, role: person.role };
      const lines: WeakestChange[] = [];
      for (const change of changes) {
        const series = await quarterlySeries({ ...ctx, actor: asker }, { groupId: change.scope.groupId, modelId: change.modelId }, [quarter]);
        const figures = series.quarters[0]!;
        if (series.withheld || figures.withheld) continue;
        const model = names.get(change.modelId)!;
        lines.push({
          scopeName: change.scope.name,
          modelName: model.name,
          before: change.before.map((id) => model.areas.get(id) ?? id),
          after: change.after.map((id) => model.areas.get(id) ?? id),
          teams: figures.weakest[change.after[0]!] ?? 0,
          counted: figures.teams,
          dashboardLink: `${links.origin}${dashboardHref("/dashboard", { group: change.scope.groupId ?? undefined, model: change.modelId })}`,
        });
      }
      if (lines.length === 0) continue;
      const mail = weakestDigestMail({
        to: person.email,
        name: person.name,
        organisationName: org.name,
        changes: lines,
        unsubscribe: links.unsubscribe(person.userId, "weakest-digest"),
      });
      const key = `weakest-digest:${org.id}:${quarterKey(quarter)}:${now.toISOString()}:${person.userId}`;
      if (await tellOnce(db, { key, userId: person.userId, organisationId: org.id, kind: "weakest-digest" }, mail)) told++;
    }
    return told;
  });
}

/**
 * The most common weakest stave now, per scope and model, against the mark last seen: marks move
 * to the present, and the scopes where it changed are returned. A scope seen for the first time,
 * or with no team counted this quarter, changes nothing (there is nothing to compare).
 */
async function moveMarks(ctx: Ctx, quarter: Quarter): Promise<Change[]> {
  const scopes: Scope[] = [
    { groupId: null, name: (await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId)))[0]!.name },
    ...(await listGroups(ctx)).map((g) => ({ groupId: g.id, name: g.name })),
  ];
  const marks = await ctx.db.select().from(weakestMarks).where(eq(weakestMarks.organisationId, ctx.organisationId));
  const changes: Change[] = [];
  for (const { modelId } of await dashboardModels(ctx)) {
    for (const scope of scopes) {
      const series = await quarterlySeries(ctx, { groupId: scope.groupId, modelId }, [quarter]);
      const after = mostCommonWeakest(new Map(Object.entries(series.quarters[0]!.weakest))).toSorted();
      if (after.length === 0) continue;
      const scopeId = scope.groupId ?? "";
      const mark = marks.find((m) => m.scopeId === scopeId && m.modelId === modelId);
      if (mark && mark.areaIds.join() === after.join()) continue;
      await ctx.db
        .insert(weakestMarks)
        .values({ organisationId: ctx.organisationId, scopeId, modelId, areaIds: after })
        .onConflictDoUpdate({ target: [weakestMarks.organisationId, weakestMarks.scopeId, weakestMarks.modelId], set: { areaIds: after, seenAt: sql`now()` } });
      if (mark) changes.push({ scope, modelId, before: mark.areaIds, after });
    }
  }
  return changes;
}

/** Each model's name and its areas' names, from its latest version. */
async function modelNames(ctx: Ctx, modelIds: string[]): Promise<Map<string, { name: string; areas: Map<string, string> }>> {
  const names = new Map<string, { name: string; areas: Map<string, string> }>();
  for (const modelId of modelIds) {
    const stored = await getLatestModelVersion(ctx, modelId);
    names.set(modelId, { name: stored?.model.name ?? modelId, areas: new Map(stored?.model.areas.map((a) => [a.id, a.name]) ?? []) });
  }
  return names;
}
