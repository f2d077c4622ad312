"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { STALE_EVIDENCE_RULES, STALE_EVIDENCE_RULE_TEXT, type StaleEvidenceRule } from "@/lib/evidence/stale-rule";
import { setStaleEvidenceRuleAction } from "../actions";

/** Owners and admins choose what an answer whose evidence went stale counts as in scores. */
export function StaleEvidenceForm({ staleCounts }: { staleCounts: StaleEvidenceRule }) {
  const [state, formAction] = useActionState(setStaleEvidenceRuleAction, null);
  const current = state?.ok ? state.data.staleCounts : staleCounts;
  return (
    <form key={current} action={formAction} className="space-y-3" noValidate>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-stone-800">An answer whose evidence is stale</legend>
        {STALE_EVIDENCE_RULES.map((rule) => (
          <label key={rule} className="flex items-start gap-2">
            <input type="radio" name="staleCounts" value={rule} defaultChecked={rule === current} className="mt-1" />
            <span>{STALE_EVIDENCE_RULE_TEXT[rule]}</span>
          </label>
        ))}
      </fieldset>
      <FormMessage state={state} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800" data-testid="stale-evidence-saved">
          Saved. {STALE_EVIDENCE_RULE_TEXT[current]}.{" "}
          {state.data.rescored === 0
            ? "No current assessment’s scores changed."
            : `${state.data.rescored} current assessment${state.data.rescored === 1 ? "" : "s"} scored again.`}
        </p>
      )}
      <SubmitButton pendingText="Saving…">Save what stale evidence counts as</SubmitButton>
    </form>
  );
}
