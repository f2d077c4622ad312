import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { asAppError } from "@/db/queries/pg-errors";
import type { ActionFailure, ActionResult } from "@/lib/action-result";
import { AppError, GENERIC_FAILURE } from "@/lib/errors";
import { resolveCaller, type Caller, type Who } from "./caller";

/** Parses input, or says what is wrong with each field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; error: string; fieldErrors: Record<string, string[]> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    (fieldErrors[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  }
  return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid input.", fieldErrors };
}

/** Turns a thrown error into what the user may see. Redirects and not-found pass through; an unreachable database is worth trying again. */
export function failure(thrown: unknown): ActionFailure {
  unstable_rethrow(thrown);
  const error = asAppError(thrown);
  if (error instanceof AppError) {
    return error.code === "unavailable"
      ? { ok: false, error: error.message, retryable: true }
      : { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  }
  console.error("Server action failed:", error);
  return { ok: false, error: GENERIC_FAILURE, retryable: true };
}

/**
 * The one way a server action runs: find out who is asking and refuse anyone the action is not
 * for, parse the input with zod, call the handler — whose data functions authorise with the
 * caller's context — and turn failures into a specific message. Redirects pass through;
 * unexpected errors are logged here and never sent to the browser.
 */
export function action<W extends Who, S extends z.ZodType, T>(
  who: W,
  schema: S,
  handler: (input: z.output<S>, caller: Caller<W>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const caller = await resolveCaller(who);
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return parsed;
      return { ok: true, data: await handler(parsed.data, caller) };
    } catch (error) {
      return failure(error);
    }
  };
}

const NOT_FORM_DATA: ActionFailure = { ok: false, error: "Invalid request: this form sends its fields as form data." };

/** The same, for a `<form action>` used with useActionState: reads the form's fields as the input. */
export function formAction<W extends Who, S extends z.ZodType, T>(
  who: W,
  schema: S,
  handler: (input: z.output<S>, caller: Caller<W>) => Promise<T>,
): (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  const run = action(who, schema, handler);
  return async (_previous, formData) => {
    // Anything can be posted to an action's endpoint; only form data is a form.
    if (!(formData instanceof FormData)) return NOT_FORM_DATA;
    return keepValues(await run(formFields(formData)), formData);
  };
}

/** A form's fields as the schema reads them: a field sent once is its value, a field sent several times (checkboxes) the list of them. */
export function formFields(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    fields[key] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

/**
 * A form is cleared after its action runs; a refused form gets back what was typed (never
 * passwords), so the person corrects it instead of starting again.
 */
export function keepValues<R extends ActionResult<unknown>>(result: R, formData: FormData): R {
  if (result.ok) return result;
  const values: Record<string, string> = {};
  formData.forEach((value, key) => {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  });
  return { ...result, values };
}
