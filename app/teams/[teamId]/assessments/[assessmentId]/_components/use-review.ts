"use client";

import { useState } from "react";
import type { CarriedState } from "@/lib/carry";
import { confirmCarriedAction } from "../actions";

const UNREACHABLE = "Stave could not be reached, so nothing was confirmed. Check the connection and try again.";

/**
 * Which carried answers have been reviewed, and confirming a whole area's at once. A stored save
 * reviews an answer on the server too (autosave), so `markReviewed` only follows what it did.
 */
export function useReview(assessmentId: string, initial: Record<string, CarriedState>) {
  const [review, setReview] = useState(initial);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const markReviewed = (questionIds: readonly string[]) =>
    setReview((all) => {
      const carried = questionIds.filter((id) => all[id] === "unreviewed");
      // Most saves are of answers never carried: nothing changes, and nothing renders again.
      return carried.length === 0 ? all : { ...all, ...Object.fromEntries(carried.map((id) => [id, "reviewed" as const])) };
    });
  const isUnreviewed = (questionId: string) => review[questionId] === "unreviewed";

  /** Confirms every carried answer of the area not yet reviewed; true once the server has. */
  async function confirmArea(areaId: string, questionIds: readonly string[]): Promise<boolean> {
    setConfirming(areaId);
    setErrors(({ [areaId]: _, ...rest }) => rest);
    const result = await confirmCarriedAction({ assessmentId, areaId }).catch(() => ({ ok: false as const, error: UNREACHABLE }));
    setConfirming(null);
    if (!result.ok) {
      setErrors((all) => ({ ...all, [areaId]: result.error }));
      return false;
    }
    // What the server confirmed, and whatever else of the area it found already reviewed.
    markReviewed(questionIds);
    return true;
  }

  return { review, isUnreviewed, markReviewed, confirmArea, confirming, errors };
}
