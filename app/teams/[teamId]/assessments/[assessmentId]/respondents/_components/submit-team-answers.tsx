"use client";

import { useState, useTransition } from "react";
import { button } from "@/components/ui/styles";
import { submitAssessmentAction } from "../../actions";

/** Submits the team answers (the assessment is read-only from then on). */
export function SubmitTeamAnswers({ assessmentId, open }: { assessmentId: string; open: number }) {
  const [error, setError] = useState<string | null>(null);
  const [submitting, startSubmit] = useTransition();
  return (
    <div>
      <button
        type="button"
        className={button.primary}
        disabled={open > 0 || submitting}
        onClick={() =>
          startSubmit(async () => {
            setError(null);
            const result = await submitAssessmentAction({ assessmentId });
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {submitting ? "Submitting…" : "Submit the team answers and see results"}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
