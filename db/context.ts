import type { Actor } from "@/lib/actor";
import type { Db } from "./client";
import type { InTransaction } from "./transaction";

/**
 * What every organisation-scoped data function takes first: which organisation, who is asking
 * (required: audit rows and authorisation come from it) and the database to use, which may be a
 * transaction (see `withTransaction`).
 */
export type Ctx = { organisationId: string; actor: Actor; db: Db };

/** The context inside `withTransaction`: for the steps of a write that only make sense inside one (locks held until commit). */
export type TxCtx = InTransaction<Ctx>;
