import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** A check constraint's condition: the column holds one of a closed set of values. */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "))})`;
}

/** An answer row's shape: a level for a level answer, nothing for "unsure", a reason for "not applicable". */
export const answerShape = (t: { kind: AnyPgColumn; level: AnyPgColumn; reason: AnyPgColumn }): SQL =>
  sql`(${t.kind} = 'level' and ${t.level} is not null) or (${t.kind} = 'unsure' and ${t.level} is null) or (${t.kind} = 'not_applicable' and ${t.level} is null and ${t.reason} is not null)`;
