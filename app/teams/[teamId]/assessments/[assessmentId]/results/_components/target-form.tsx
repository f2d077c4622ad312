"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { setTargetAction } from "../actions";

type Props = {
  assessmentId: string;
  areaName: string;
  /** Levels a target may be, with their labels; `advised` marks the ones the advice names. */
  levels: { value: number; label: string; advised: boolean }[];
  level: number;
  dueOn: string;
  reason: string;
  replacing: boolean;
};

/** Sets (or replaces) the target for the weakest stave: a level, advised one or two up, and a date. */
export function TargetForm({ assessmentId, areaName, levels, level, dueOn, reason, replacing }: Props) {
  const [state, action] = useActionState(setTargetAction, null);
  const failed = state && !state.ok ? state : undefined;
  const levelError = failed?.fieldErrors?.level?.[0];
  const dateError = failed?.fieldErrors?.dueOn?.[0];
  return (
    <form action={action} className="space-y-3 no-print" noValidate>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <p id="target-advice" className="text-sm text-stone-700">
        {reason}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="target-level" className={field.label}>
            Target level for {areaName}
          </label>
          {/* Keyed by its value: a form reset after an action puts a select back to the choice it first had. */}
          <select
            key={failed?.values?.level ?? String(level)}
            id="target-level"
            name="level"
            defaultValue={failed?.values?.level ?? String(level)}
            className={field.input}
            aria-invalid={levelError ? true : undefined}
            aria-describedby="target-advice target-level-message"
          >
            {levels.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label ? `${l.value} · ${l.label}` : l.value}
                {l.advised ? " (advised)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="target-date" className={field.label}>
            Reach it by
          </label>
          <input
            id="target-date"
            name="dueOn"
            type="date"
            defaultValue={failed?.values?.dueOn ?? dueOn}
            className={field.input}
            aria-invalid={dateError ? true : undefined}
            aria-describedby="target-date-message"
          />
        </div>
        <SubmitButton variant="secondary" pendingText="Saving…">
          {replacing ? "Change the target" : "Set the target"}
        </SubmitButton>
      </div>
      <p id="target-level-message" className={levelError ? field.error : "sr-only"}>
        {levelError ?? ""}
      </p>
      <p id="target-date-message" className={dateError ? field.error : "sr-only"}>
        {dateError ?? ""}
      </p>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          Target saved.
        </p>
      )}
    </form>
  );
}
