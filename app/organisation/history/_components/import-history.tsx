"use client";

import { useState } from "react";
import { button, field } from "@/components/ui/styles";

type Preview = {
  from: { organisation: string; scope: { kind: string; name: string }; exportedAt: string };
  summary: string;
  conflicts: string[];
  unmatchedPeople: string[];
  respondentAnswersLeftOut: number;
};
type Imported = { summary: string; scoreDifferences: string[] };
type State =
  | { step: "choose" }
  | { step: "checking" }
  | { step: "preview"; file: File; preview: Preview }
  | { step: "importing"; file: File; preview: Preview }
  | { step: "done"; imported: Imported }
  | { step: "refused"; error: string; conflicts: string[] };

const URL_BASE = "/organisation/history/import";

async function send(file: File, preview: boolean): Promise<{ ok: true; body: unknown } | { ok: false; error: string; conflicts: string[] }> {
  try {
    const response = await fetch(preview ? `${URL_BASE}?preview=1` : URL_BASE, { method: "POST", body: file, headers: { "Content-Type": "application/json" } });
    const body = await response.json().catch(() => null);
    if (response.ok) return { ok: true, body };
    return { ok: false, error: body?.detail ?? `The import was refused (${response.status}).`, conflicts: body?.errors?.conflicts ?? [] };
  } catch {
    return { ok: false, error: "Stave could not be reached. Nothing was imported; try again.", conflicts: [] };
  }
}

/** Choose a file, see what it would do, then import it. */
export function ImportHistory({ maxMegabytes }: { maxMegabytes: number }) {
  const [state, setState] = useState<State>({ step: "choose" });

  async function choose(file: File | undefined) {
    if (!file) return setState({ step: "choose" });
    if (file.size > maxMegabytes * 1024 * 1024)
      return setState({
        step: "refused",
        error: `A history file can be at most ${maxMegabytes} MB. Export a group or a team at a time, and import each.`,
        conflicts: [],
      });
    setState({ step: "checking" });
    const answer = await send(file, true);
    setState(answer.ok ? { step: "preview", file, preview: answer.body as Preview } : { step: "refused", error: answer.error, conflicts: answer.conflicts });
  }

  async function importIt(file: File, preview: Preview) {
    setState({ step: "importing", file, preview });
    const answer = await send(file, false);
    setState(answer.ok ? { step: "done", imported: answer.body as Imported } : { step: "refused", error: answer.error, conflicts: answer.conflicts });
  }

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="history-file" className={field.label}>
          Choose a history file (.json)
        </label>
        <input
          id="history-file"
          type="file"
          accept="application/json,.json"
          className={field.input}
          aria-describedby="history-file-hint"
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
        <p id="history-file-hint" className={field.hint}>
          Exported from the organisation page or a team’s page of any Stave; at most {maxMegabytes} MB.
        </p>
      </div>
      <div aria-live="polite">
        {state.step === "checking" && <p role="status">Reading the history…</p>}
        {(state.step === "preview" || state.step === "importing") && <PreviewOf preview={state.preview} />}
        {state.step === "preview" && state.preview.conflicts.length === 0 && (
          <button type="button" className={button.primary} onClick={() => void importIt(state.file, state.preview)}>
            Import
          </button>
        )}
        {state.step === "importing" && <p role="status">Importing…</p>}
        {state.step === "done" && (
          <div className="space-y-2">
            <p role="status" className="font-semibold text-green-800">
              Imported. {state.imported.summary}.
            </p>
            {state.imported.scoreDifferences.length > 0 && (
              <ul className="list-disc pl-5 text-sm text-stone-800" aria-label="Scores that differ">
                {state.imported.scoreDifferences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
            <a className={button.secondary} href="/teams">
              See the teams
            </a>
          </div>
        )}
        {state.step === "refused" && (
          <div role="alert" className="space-y-2 text-red-800">
            <p className="font-semibold">{state.error}</p>
            {state.conflicts.length > 0 && (
              <ul className="list-disc pl-5 text-sm">
                {state.conflicts.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function PreviewOf({ preview }: { preview: Preview }) {
  const { from } = preview;
  return (
    <div className="mb-4 space-y-2" data-testid="history-preview">
      <p className="text-stone-700">
        The history of {from.scope.kind === "organisation" ? "the organisation" : `the ${from.scope.kind}`} “{from.scope.name}” from {from.organisation},
        exported {from.exportedAt.slice(0, 10)}.
      </p>
      <p className="text-lg font-semibold">This import {preview.summary}.</p>
      {preview.conflicts.length > 0 && (
        <div role="alert" className="text-red-800">
          <p className="font-semibold">It cannot be imported: it conflicts with what is here.</p>
          <ul className="list-disc pl-5 text-sm">
            {preview.conflicts.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.unmatchedPeople.length > 0 && (
        <p className="text-sm text-stone-700">
          Not members here (kept by name where they own an action; not added to teams): {preview.unmatchedPeople.join(", ")}.
        </p>
      )}
      {preview.respondentAnswersLeftOut > 0 && (
        <p className="text-sm text-stone-700">
          {preview.respondentAnswersLeftOut} own answers of respondents who are not members here are not imported; the team answers and scores are.
        </p>
      )}
    </div>
  );
}
