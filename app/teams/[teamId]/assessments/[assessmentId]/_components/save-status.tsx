import type { SaveState } from "./use-autosave";

const styles: Record<SaveState["status"], string> = {
  saving: "text-stone-600",
  saved: "text-emerald-700",
  retrying: "text-amber-800",
  failed: "text-red-700",
};

const words: Record<SaveState["status"], string> = {
  saving: "Saving…",
  saved: "Saved",
  retrying: "Not saved yet: retrying…",
  failed: "Not saved",
};

/** Per-question save state, announced politely to screen readers. */
export function SaveStatus({ state, id }: { state: SaveState | undefined; id: string }) {
  return (
    <p id={id} role="status" aria-live="polite" className={`text-sm font-medium ${state ? styles[state.status] : ""}`}>
      {state && (
        <>
          {words[state.status]}
          {state.status === "failed" && state.message ? `: ${state.message}` : ""}
        </>
      )}
    </p>
  );
}

/** The page-wide summary shown beside the progress bar. */
export function OverallSaveStatus({ states }: { states: Record<string, SaveState> }) {
  const all = Object.values(states);
  const failed = all.filter((s) => s.status === "failed").length;
  const retrying = all.filter((s) => s.status === "retrying").length;
  const saving = all.filter((s) => s.status === "saving").length;
  // Why the answers wait (the connection, or the database), as the latest retry found it.
  const reason = all.findLast((s) => s.status === "retrying")?.message;
  const [text, tone] =
    failed > 0
      ? [`${failed} answer${failed === 1 ? "" : "s"} not saved`, styles.failed]
      : retrying > 0
        ? [`${retrying} answer${retrying === 1 ? "" : "s"} not saved yet. ${reason ?? "Retrying…"}`, styles.retrying]
        : saving > 0
          ? ["Saving…", styles.saving]
          : all.length > 0
            ? ["All answers saved", styles.saved]
            : ["Answers save as you choose them", styles.saving];
  return (
    <p className={`text-sm font-medium ${tone}`} data-testid="overall-save-status">
      {text}
    </p>
  );
}
