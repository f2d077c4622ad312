"use client";

import { useActionState } from "react";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { followMedianAction, setTeamAnswerAction } from "../actions";

type Props = {
  assessmentId: string;
  questionId: string;
  levels: { value: number; label: string }[];
  /** What the team answer is now: a level, "unsure" or "not_applicable"; "" when there is none. */
  choice: string;
  reason: string;
  note: string;
  /** The lead set it: it can be given back to the respondents' median. */
  setByLead: boolean;
};

/** The lead sets a question's team answer with a note, or gives it back to the respondents' median. */
export function TeamAnswerForm({ assessmentId, questionId, levels, choice, reason, note, setByLead }: Props) {
  const [state, action] = useActionState(setTeamAnswerAction, null);
  const [medianState, medianAction] = useActionState(followMedianAction, null);
  const failed = state && !state.ok ? state : undefined;
  const id = (name: string) => `${questionId}-${name}`;
  const error = failed?.error ?? (medianState && !medianState.ok ? medianState.error : undefined);
  return (
    <div className="space-y-2">
      <form action={action} className="grid gap-3 sm:grid-cols-[minmax(10rem,14rem)_1fr]" noValidate>
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="questionId" value={questionId} />
        <div>
          <label htmlFor={id("choice")} className={field.label}>
            Team answer
          </label>
          <select
            key={failed?.values?.choice ?? choice}
            id={id("choice")}
            name="choice"
            defaultValue={failed?.values?.choice ?? choice}
            className={field.input}
            aria-invalid={failed ? true : undefined}
            aria-describedby={id("message")}
          >
            {choice === "" && <option value="">Choose…</option>}
            {levels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.value} · {l.label}
              </option>
            ))}
            <option value="unsure">Unsure</option>
            <option value="not_applicable">Not applicable</option>
          </select>
        </div>
        <div>
          <label htmlFor={id("note")} className={field.label}>
            Note: why this is the team&apos;s answer
          </label>
          <input id={id("note")} name="note" defaultValue={failed?.values?.note ?? note} maxLength={2000} className={field.input} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor={id("reason")} className={field.label}>
            Reason, if it does not apply
          </label>
          <input id={id("reason")} name="reason" defaultValue={failed?.values?.reason ?? reason} maxLength={500} className={field.input} />
        </div>
        <div className="sm:col-span-2">
          <SubmitButton variant="secondary" pendingText="Saving…">
            Set the team answer
          </SubmitButton>
        </div>
      </form>
      {setByLead && (
        <form action={medianAction}>
          <input type="hidden" name="assessmentId" value={assessmentId} />
          <input type="hidden" name="questionId" value={questionId} />
          <SubmitButton variant="quiet" pendingText="Saving…">
            Use the respondents&apos; median again
          </SubmitButton>
        </form>
      )}
      <p id={id("message")} role="status" aria-live="polite" className={error ? field.error : "sr-only"}>
        {error ?? (state?.ok ? "Team answer saved." : "")}
      </p>
    </div>
  );
}
