import type { ActionResult } from "@/lib/action-result";
import { field } from "./styles";

/** The form-wide message after an action answered (field errors show beside their fields); announced to screen readers. */
export function FormMessage({ state, id }: { state: ActionResult<unknown> | null; id?: string }) {
  const message = state && !state.ok && !hasFieldErrors(state) ? state.error : "";
  return (
    <p id={id} role="status" aria-live="polite" className={message ? field.error : "sr-only"}>
      {message}
    </p>
  );
}

function hasFieldErrors(state: Extract<ActionResult<unknown>, { ok: false }>) {
  return Object.keys(state.fieldErrors ?? {}).some((key) => key !== "form");
}
