/** PostgreSQL reports a broken unique constraint as SQLSTATE 23505, through pg and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
