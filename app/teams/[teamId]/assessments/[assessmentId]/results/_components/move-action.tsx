"use client";

import { useActionState } from "react";
import { button } from "@/components/ui/styles";
import { moveActionAction } from "../actions";

/** Moves an action one place up or down in its list; the buttons name the action for screen readers. */
export function MoveAction({ actionId, title, first, last }: { actionId: string; title: string; first: boolean; last: boolean }) {
  const [state, submit, pending] = useActionState(moveActionAction, null);
  return (
    <form action={submit} className="flex items-center gap-1 no-print">
      <input type="hidden" name="actionId" value={actionId} />
      <button type="submit" name="direction" value="up" className={button.quiet} disabled={first || pending} aria-label={`Move “${title}” up`}>
        ↑ Up
      </button>
      <button type="submit" name="direction" value="down" className={button.quiet} disabled={last || pending} aria-label={`Move “${title}” down`}>
        ↓ Down
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
