"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerValue } from "@/lib/answer";

export type SaveState = { status: "saving" | "saved" | "retrying" | "failed"; message?: string };
export type AnswerDraft = { answer: AnswerValue; note: string | null };

type Entry = { pending: AnswerDraft | null; inFlight: boolean; attempt: number; serverFailures: number; timer?: ReturnType<typeof setTimeout> };

const backoff = (attempt: number) => Math.min(15_000, 1_000 * 2 ** attempt);
// A lost connection is retried until it comes back; a failure on the server's side only a few
// times, since trying again forever would hide it.
const SERVER_RETRIES = 3;
const GAVE_UP =
  "Stave could not save it (a problem on our side). Your choice is still shown here: choose it again in a minute or reload the page, and tell your administrator if it keeps failing.";
// A save that hangs (a server restarting, a dropped connection) is retried; saving the same answer twice is harmless.
const SAVE_TIMEOUT = 15_000;
// What a proxy or load balancer answers while the app restarts or is out of its reach.
const UNREACHABLE = new Set([502, 504]);
// What Stave answers while its database is out of reach: it comes back, so the save waits for it.
const UNAVAILABLE = 503;

/** Saved; refused, with the server's reason; or trouble on the way ("network"), with the database ("unavailable") or on the server's side. */
type Trouble = "network" | "unavailable" | "server";
type Outcome = { saved: true } | { saved: false; refused: string } | { saved: false; trouble: Trouble };

const RETRYING: Record<Trouble, string> = {
  network: "Connection lost. Retrying…",
  unavailable: "Stave cannot reach its database just now. Retrying until it can…",
  server: "Not saved yet (a problem on our side). Retrying…",
};

/** Sends one answer to the autosave route (`PUT …/answers/{question}`, JSON). */
async function putAnswer(assessmentId: string, questionId: string, draft: AnswerDraft): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`/api/assessments/${assessmentId}/answers/${encodeURIComponent(questionId)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(draft),
      signal: AbortSignal.timeout(SAVE_TIMEOUT),
    });
  } catch {
    return { saved: false, trouble: "network" }; // offline, timed out, or the connection dropped
  }
  if (response.ok) return { saved: true };
  if (response.status === UNAVAILABLE) return { saved: false, trouble: "unavailable" };
  if (UNREACHABLE.has(response.status)) return { saved: false, trouble: "network" };
  if (response.status >= 500) return { saved: false, trouble: "server" };
  // A refusal is a problem document: its detail says why.
  const body = (await response.json().catch(() => undefined)) as { detail?: unknown } | undefined;
  return { saved: false, refused: typeof body?.detail === "string" ? body.detail : `The answer was refused (HTTP ${response.status}).` };
}

/**
 * Saves answers as they are chosen, one request per question at a time and always the latest
 * choice. A lost connection, a server restart or an unreachable database (503) is retried with
 * backoff until it gets through, however long that takes; an unexpected server error a few times;
 * an answer the server refuses is shown as failed with the server's reason. `onSaved` hears of
 * each answer the server has stored.
 */
export function useAutosave(assessmentId: string, { onSaved }: { onSaved?: (questionId: string) => void } = {}) {
  const [states, setStates] = useState<Record<string, SaveState>>({});
  const entries = useRef(new Map<string, Entry>());
  const saved = useRef(onSaved);
  saved.current = onSaved;
  const setState = useCallback((id: string, state: SaveState) => setStates((s) => ({ ...s, [id]: state })), []);

  const flush = useCallback(
    async (questionId: string) => {
      const entry = entries.current.get(questionId);
      if (!entry || entry.inFlight || !entry.pending) return;
      clearTimeout(entry.timer);
      const draft = entry.pending;
      entry.pending = null;
      entry.inFlight = true;
      setState(questionId, { status: entry.attempt > 0 ? "retrying" : "saving" });
      const outcome = await putAnswer(assessmentId, questionId, draft);
      const trouble = "trouble" in outcome ? outcome.trouble : undefined;
      entry.inFlight = false;
      if (trouble === "server" && ++entry.serverFailures > SERVER_RETRIES) {
        entry.attempt = 0;
        entry.serverFailures = 0;
        if (entry.pending) return void flush(questionId);
        setState(questionId, { status: "failed", message: GAVE_UP });
        return;
      }
      if (trouble) {
        entry.pending ??= draft;
        entry.attempt++;
        setState(questionId, { status: "retrying", message: RETRYING[trouble] });
        entry.timer = setTimeout(() => void flush(questionId), backoff(entry.attempt));
        return;
      }
      entry.attempt = 0;
      entry.serverFailures = 0;
      if (outcome.saved) saved.current?.(questionId);
      if (entry.pending) return void flush(questionId);
      setState(questionId, "refused" in outcome ? { status: "failed", message: outcome.refused } : { status: "saved" });
    },
    [assessmentId, setState],
  );

  const save = useCallback(
    (questionId: string, draft: AnswerDraft) => {
      const entry = entries.current.get(questionId) ?? { pending: null, inFlight: false, attempt: 0, serverFailures: 0 };
      entries.current.set(questionId, entry);
      entry.pending = draft;
      void flush(questionId);
    },
    [flush],
  );

  useEffect(() => {
    // Back online: retry at once instead of waiting for the backoff.
    const retryAll = () => entries.current.forEach((_, id) => void flush(id));
    window.addEventListener("online", retryAll);
    return () => window.removeEventListener("online", retryAll);
  }, [flush]);

  const unsaved = Object.values(states).filter((s) => s.status !== "saved").length;
  useEffect(() => {
    if (unsaved === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { states, save, unsaved };
}
