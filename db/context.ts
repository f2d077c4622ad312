import type { Actor } from "@/lib/actor";
import type { DbOrTx, Tx } from "./client";

/**
 * What every organisation-scoped data function takes first: which organisation, who is asking
 * (required: audit rows and authorisation come from it) and the database or transaction to use.
 */
export type Ctx = { organisationId: string; actor: Actor; db: DbOrTx };

/** The same context, inside a transaction: everything the write calls uses the transaction. */
export const within = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx });
