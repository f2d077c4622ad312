import { PGlite, types, type PGliteInterface } from "@electric-sql/pglite";

// Drizzle's PGlite driver hands PGlite its own type parsers with every query (dates, times,
// intervals and their arrays kept as text), and PGlite merges them into its ~300 built-in parsers
// each time: about 0.1 ms a query, more than the database work of a small one. Given once, when
// the database opens, they cost nothing per query, and the queries leave them out; the rows are
// the same. A query that brings any other parser keeps its own.

const AS_TEXT = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
const asText = new Set(AS_TEXT.map(String));
const parsers = Object.fromEntries(AS_TEXT.map((oid) => [oid, (value: string) => value]));

type QueryOptions = Parameters<PGliteInterface["query"]>[2];

/** The options without the parsers the database already applies. */
function lean(options: QueryOptions): QueryOptions {
  if (!options?.parsers || !Object.keys(options.parsers).every((oid) => asText.has(oid))) return options;
  return { ...options, parsers: undefined };
}

type Queries = Pick<PGliteInterface, "query">;

/** The same client for drizzle, its queries (and those of its transactions) without the repeated parsers. */
function forDrizzle<C extends Queries>(client: C): C {
  return new Proxy(client, {
    get(target, key) {
      if (key === "query") return (query: string, params?: unknown[], options?: QueryOptions) => target.query(query, params, lean(options));
      if (key === "transaction") {
        return (run: (tx: Queries) => Promise<unknown>) => (target as unknown as PGlite).transaction((tx) => run(forDrizzle(tx)));
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** An embedded database (in `dataDir`, or in memory), and the view of it to give drizzle. */
export async function openPglite(dataDir?: string): Promise<{ client: PGlite; drizzleClient: PGlite }> {
  const client = new PGlite({ dataDir });
  // Once ready: PGlite sets up its array parsers while it starts, over any given to it before
  // (and again only if refreshArrayTypes() is called, which nothing here does).
  try {
    await client.waitReady;
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  Object.assign(client.parsers, parsers);
  return { client, drizzleClient: forDrizzle(client) };
}
