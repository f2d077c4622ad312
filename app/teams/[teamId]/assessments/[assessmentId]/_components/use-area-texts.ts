"use client";

import { useCallback, useRef, useState } from "react";
import type { QuestionText } from "@/lib/model/questionnaire";

export type AreaTexts = Record<string, QuestionText[]>;

const LOAD_FAILED = "The questions of this area could not be loaded. Check the connection and try again.";

/**
 * The questions' text by area: the areas sent with the page, and the others fetched once each, when
 * reached or ahead of time. A failed fetch says why and can be tried again; answers are never at risk.
 */
export function useAreaTexts(areasHref: string, initial: AreaTexts) {
  const [texts, setTexts] = useState(initial);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const asked = useRef(new Set(Object.keys(initial)));

  const load = useCallback(
    (areaId: string) => {
      if (asked.current.has(areaId)) return;
      asked.current.add(areaId);
      setFailures(({ [areaId]: _, ...rest }) => rest);
      fetch(`${areasHref}/${encodeURIComponent(areaId)}`, { headers: { accept: "application/json" } })
        .then(async (response) => {
          const body = await response.json().catch(() => null);
          if (!response.ok || !Array.isArray(body)) throw new Error(typeof body?.detail === "string" ? body.detail : LOAD_FAILED);
          setTexts((all) => ({ ...all, [areaId]: body as QuestionText[] }));
        })
        .catch((error: unknown) => {
          asked.current.delete(areaId);
          setFailures((all) => ({ ...all, [areaId]: error instanceof TypeError || !(error instanceof Error) ? LOAD_FAILED : error.message }));
        });
    },
    [areasHref],
  );

  return { texts, failures, load };
}
