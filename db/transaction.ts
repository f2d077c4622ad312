import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, Tx } from "./client";

/** A context (or any holder of a database handle) whose handle is an open transaction. */
export type InTransaction<C extends { db: Db }> = Omit<C, "db"> & { db: Tx };

/** Whether the handle is a transaction already, whichever driver opened it. */
export const isTransaction = (db: Db): db is Tx => is(db, PgTransaction);

/**
 * Runs `fn` in one transaction, handing it the same context with the transaction as its `db`.
 * Inside a transaction already, `fn` joins it (no savepoint): a nested write commits or rolls back
 * with the outer one, and the outer handle is never used again meanwhile. On the embedded database
 * that matters most: it has one connection, so a query on the outer handle while its transaction is
 * open waits for that transaction, which waits for the query, forever. Name the callback's
 * parameter `ctx` so the outer one cannot be reached inside.
 */
export function withTransaction<C extends { db: Db }, T>(ctx: C, fn: (ctx: InTransaction<C>) => Promise<T>): Promise<T> {
  const { db } = ctx;
  if (isTransaction(db)) return fn({ ...ctx, db });
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}
