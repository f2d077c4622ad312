// A raw query (`queryRows`, a json_agg or max() inside a select) returns values in the driver's own
// types, and the two drivers differ: node-postgres parses timestamps into Dates, json into objects
// and arrays into arrays, but returns bigint and numeric as text; the embedded database is told to
// keep timestamps as text (see pglite-client.ts) and returns json built in a query, and some arrays,
// as text. Values read at such a seam pass through one of these first, so nothing after it depends
// on the driver.

/** A timestamp: a Date from node-postgres, PostgreSQL's text form from the embedded database. */
export function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A timestamp that may be missing (a max() over no rows, an outer join). */
export function asOptionalDate(value: Date | string | null | undefined): Date | undefined {
  return value === null || value === undefined ? undefined : asDate(value);
}

/** A number that may arrive as text: bigint (count(*) without a cast), numeric. */
export function asNumber(value: number | string | bigint): number {
  const n = Number(value);
  if (Number.isNaN(n)) throw new TypeError(`expected a number from the database, got ${JSON.stringify(String(value))}`);
  return n;
}

/** json or jsonb built in a query: parsed by one driver, text from the other. */
export function asJson<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/** A numeric array (float8[], int[]), parsed or in PostgreSQL's text form "{1.5,2}"; null is empty. */
export function asNumberArray(value: readonly (number | string)[] | string | null): number[] {
  if (value === null) return [];
  const items = typeof value === "string" ? value.replace(/[{}]/g, "").split(",").filter(Boolean) : value;
  return items.map(asNumber);
}

/** bytea: a Buffer from node-postgres, a Uint8Array from the embedded database (or PostgreSQL's hex text form). */
export function asBytes(value: Uint8Array | string): Uint8Array {
  if (typeof value !== "string") return value;
  if (!value.startsWith("\\x")) throw new TypeError("expected bytea from the database");
  return Uint8Array.from(Buffer.from(value.slice(2), "hex"));
}
