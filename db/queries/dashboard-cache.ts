import "server-only";
import { sql } from "drizzle-orm";
import { VersionedCache } from "@/lib/versioned-cache";
import { queryRows } from "../client";
import type { Ctx } from "../context";
import { asNumber } from "../driver-values";

// Figures are kept per organisation at its dashboard version (moved by triggers whenever scores,
// assessments, teams or groups change, migration 0006), so readers between two submissions share
// one computation, and every instance sees a change on its next request. The organisation's privacy
// settings move the version too (migration 0019), and so do delivery events recorded and services
// mapped (0030: the delivery spread is kept at it). What depends on who asks is either applied after
// the cache, per asker (the small-group rule), or part of the key (whose team rows a heatmap holds).
const dashboardCache = new VersionedCache<unknown>(1000);
// Readers who miss the cache at once share one computation rather than each starting their own.
const computing = new Map<string, Promise<unknown>>();

/**
 * The organisation's dashboard version: the dashboard's figures are kept at it. A view reads it once
 * and passes it to each figure it shows (`version`), so one statement serves them all; a figure
 * asked for without it reads it itself.
 */
export async function dashboardVersion(ctx: Ctx): Promise<number> {
  const [row] = await queryRows<{ version: number | string }>(
    ctx.db,
    sql`select version from dashboard_versions where organisation_id = ${ctx.organisationId}`,
  );
  return asNumber(row?.version ?? 0);
}

/** `compute`'s result for this organisation and key at the dashboard version `known` (read when not given). */
export async function remember<T>(ctx: Ctx, key: string, known: number | undefined, compute: () => Promise<T>): Promise<T> {
  const version = known ?? (await dashboardVersion(ctx));
  const cacheKey = `${ctx.organisationId}|${key}`;
  const hit = dashboardCache.get(cacheKey, version) as T | undefined;
  if (hit !== undefined) return hit;
  const pendingKey = `${cacheKey}|${version}`;
  const pending = computing.get(pendingKey) as Promise<T> | undefined;
  if (pending) return pending;
  const promise = compute()
    .then((value) => {
      dashboardCache.set(cacheKey, version, value);
      return value;
    })
    .finally(() => computing.delete(pendingKey));
  computing.set(pendingKey, promise);
  return promise;
}
