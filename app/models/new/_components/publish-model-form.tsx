"use client";

import { useActionState, useRef, useState } from "react";
import { ModelPreview } from "@/components/models/model-preview";
import { button, field } from "@/components/ui/styles";
import { MODEL_SOURCE_MAX, MODEL_SOURCE_MAX_LABEL } from "@/lib/validation/models";
import { modelUploadAction } from "../actions";
import { SammImport } from "./samm-import";

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Paste a model's YAML or choose its file, check it (each problem names its line and path, beside
 * the text, and takes you to the line), preview every question, then publish that very text.
 */
export function PublishModelForm() {
  const [state, action, pending] = useActionState(modelUploadAction, null);
  const [text, setText] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const checkedText = useRef<string | null>(null);
  const checked = state?.ok ? state.data : undefined;
  const valid = checked?.model && checkedText.current === text ? checked.model : undefined;
  const failed = state && !state.ok ? state : undefined;

  async function chooseFile(file: File | undefined) {
    setFileProblem(null);
    if (!file) return;
    if (file.size > MODEL_SOURCE_MAX) {
      setFileProblem(`This file is ${megabytes(file.size)}; a model file can be at most ${MODEL_SOURCE_MAX_LABEL}.`);
      return;
    }
    setText(await file.text());
  }

  function goToLine(line: number) {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split("\n");
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    // Scroll the chosen line into view: about one line height per line.
    el.scrollTop = Math.max(0, (line - 4) * 20);
  }

  return (
    <div className="space-y-4">
      <SammImport onImported={setText} />
      <form action={action} onSubmit={() => (checkedText.current = text)} className="space-y-4" noValidate>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-3">
            <div>
              <label htmlFor="model-file" className={field.label}>
                Choose a model file (.yaml)
              </label>
              <input
                id="model-file"
                type="file"
                accept=".yaml,.yml,text/yaml,application/yaml"
                className="mt-1 block text-sm"
                onChange={(e) => void chooseFile(e.target.files?.[0])}
                aria-describedby="file-problem"
              />
              <p id="file-problem" role="status" className={fileProblem ? field.error : "sr-only"}>
                {fileProblem ?? ""}
              </p>
            </div>
            <div>
              <label htmlFor="model-source" className={field.label}>
                Or paste it: the model (YAML)
              </label>
              <textarea
                ref={area}
                id="model-source"
                name="source"
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={26}
                spellCheck={false}
                className={`${field.input} font-mono text-sm leading-5`}
                aria-invalid={(checked?.problems.length ?? 0) > 0 || failed ? true : undefined}
                aria-describedby="model-problems"
              />
              <p className={field.hint}>
                The format is described by the JSON Schema at{" "}
                <a className="underline" href="/model-schema.json">
                  /model-schema.json
                </a>
                . A published version never changes: publish changes as a new version number.
              </p>
            </div>
          </div>

          <div id="model-problems" aria-live="polite" className="space-y-3">
            {failed && <p className={field.error}>{failed.error}</p>}
            {checked && checked.problems.length > 0 && (
              <div className="rounded-lg border border-red-300 bg-red-50 p-4">
                <h2 className="font-semibold text-red-800">
                  {checked.problems.length} problem{checked.problems.length === 1 ? "" : "s"} to fix before publishing
                </h2>
                <ul className="mt-2 space-y-2 text-sm" aria-label="Problems">
                  {checked.problems.map((p, i) => (
                    <li key={i}>
                      {p.line ? (
                        <button type="button" className="text-left font-medium text-red-800 underline" onClick={() => goToLine(p.line!)}>
                          Line {p.line}
                        </button>
                      ) : (
                        <span className="font-medium text-red-800">The file</span>
                      )}{" "}
                      · <code className="text-xs">{p.path}</code>: {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {valid && (
              <div className="rounded-lg border border-water-300 bg-stone-50 p-4" data-testid="model-valid">
                <h2 className="font-semibold">
                  Ready to publish: {valid.name} {valid.version}
                </h2>
                <p className="text-sm text-stone-700">
                  {valid.areas.length} areas, {valid.areas.reduce((n, a) => n + a.questions.length, 0)} questions, a scale of {valid.scale.length} levels. Read
                  the preview below, then publish.
                </p>
                <button type="submit" name="intent" value="publish" className={`${button.primary} mt-3`} disabled={pending}>
                  {pending ? "Publishing…" : `Publish ${valid.name} ${valid.version}`}
                </button>
              </div>
            )}
            {!checked && !failed && (
              <p className="text-sm text-stone-700">Check the model to see its problems, each with its line, or a preview of every question.</p>
            )}
          </div>
        </div>
        <button type="submit" name="intent" value="check" className={button.secondary} disabled={pending}>
          {pending ? "Checking…" : "Check and preview"}
        </button>
        {valid && (
          <section aria-labelledby="preview-heading" className="space-y-3 border-t border-stone-200 pt-4">
            <h2 id="preview-heading" className="text-xl font-semibold">
              Preview
            </h2>
            <ModelPreview model={valid} />
          </section>
        )}
      </form>
    </div>
  );
}
