"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { addStepActionAction } from "../actions";

type Props = {
  assessmentId: string;
  questionId: string;
  questionTitle: string;
  /** The open action this step already is, if any. */
  added: { id: string } | undefined;
  /** Whether the viewer may add it (the plan's editors). */
  canAdd: boolean;
};

/** "Add as an action" on a next step; once added, a link to the action in the plan. */
export function StepAction({ assessmentId, questionId, questionTitle, added, canAdd }: Props) {
  const [state, submit] = useActionState(addStepActionAction, null);
  const link = useRef<HTMLAnchorElement>(null);
  const focused = useRef<string | null>(null);
  const addedId = added?.id;
  // The button is gone once the step is added: focus goes to what replaced it (once), not to the page's top.
  useEffect(() => {
    if (state?.ok && addedId && focused.current !== addedId) {
      focused.current = addedId;
      link.current?.focus();
    }
  }, [state, addedId]);

  if (added) {
    const already = state?.ok && !state.data.created && state.data.id === added.id;
    return (
      <p className="mt-2 text-sm font-medium text-green-800 sm:mt-0 sm:w-44 sm:shrink-0 sm:text-right" data-testid="step-added" aria-live="polite">
        ✓ {already ? "Already an action" : "Added as an action"}.{" "}
        <a ref={link} href={`#action-${added.id}`} className="text-wood-700 underline">
          See it in the plan<span className="sr-only"> (“{questionTitle}”)</span>
        </a>
      </p>
    );
  }
  if (!canAdd) return null;
  return (
    <form action={submit} className="mt-2 no-print sm:mt-0 sm:max-w-56 sm:shrink-0" aria-live="polite">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="questionId" value={questionId} />
      <SubmitButton variant="secondary" pendingText="Adding…">
        Add as an action<span className="sr-only"> for “{questionTitle}”</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
