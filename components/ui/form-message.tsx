import type { ActionResult } from "@/server/action";
import { field } from "./styles";

/** The message under a form after its action answered; announced to screen readers. */
export function FormMessage({ state, id }: { state: ActionResult<unknown> | null; id?: string }) {
  return (
    <p id={id} role="status" aria-live="polite" className={state && !state.ok ? field.error : "sr-only"}>
      {state && !state.ok ? state.error : ""}
    </p>
  );
}
