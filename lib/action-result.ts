/** What a server action answers: data, or what went wrong (per field when it can say). */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      fieldErrors?: Record<string, string[]>;
      /** Set when the failure was on the server's side and trying again may help. */
      retryable?: boolean;
      /** What a refused form had in its fields (never passwords), to put back. */
      values?: Record<string, string>;
    };

export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;
