"use client";

import { useState } from "react";
import { button, field } from "@/components/ui/styles";
import type { ModelProblem } from "@/lib/model/parse";

/** The import, or the problem document the route answers (with the archive's own problems when it has some). */
type Answer = { yaml: string; questions: number } | { detail: string; problems?: ModelProblem[] };

/** Imports an OWASP SAMM v2 core archive as a model's YAML, handed to the form above to check and publish. */
export function SammImport({ onImported }: { onImported: (yaml: string) => void }) {
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function submit(form: HTMLFormElement) {
    setPending(true);
    setAnswer(null);
    try {
      const response = await fetch("/api/models/samm", { method: "POST", body: new FormData(form) });
      const body = (await response.json().catch(() => ({ detail: `The server answered ${response.status}.` }))) as Answer;
      setAnswer(body);
      if ("yaml" in body) onImported(body.yaml);
    } catch {
      setAnswer({ detail: "The archive could not be sent. Check the connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-semibold">Import an OWASP SAMM v2 model</summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <p className="text-sm text-stone-700">
          A ZIP or .tar.gz of the owaspsamm/core repository&apos;s YAML (at most 5 MB). Its questions become the model&apos;s, SAMM&apos;s answers its levels
          and its quality criteria their evidence; SAMM&apos;s licence (CC BY-SA 4.0) and attribution go into the model&apos;s description.
        </p>
        <div>
          <label htmlFor="samm-archive" className={field.label}>
            SAMM archive
          </label>
          <input
            id="samm-archive"
            name="archive"
            type="file"
            accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
            required
            className="mt-1 block text-sm"
          />
        </div>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-stone-800">Areas (staves) are</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="areas" value="functions" defaultChecked /> SAMM&apos;s business functions (5 areas)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="areas" value="practices" /> SAMM&apos;s security practices (15 areas)
          </label>
        </fieldset>
        <button type="submit" className={button.secondary} disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
        <div role="status" aria-live="polite" className="text-sm">
          {answer && "yaml" in answer && (
            <p className="font-medium text-stone-800">Imported {answer.questions} questions: check the model above, then publish it.</p>
          )}
          {answer && "detail" in answer && (
            <div className="text-red-700">
              <p className="font-medium">{answer.detail}</p>
              {answer.problems && (
                <ul className="mt-1 list-disc pl-5" aria-label="SAMM problems">
                  {answer.problems.map((p, i) => (
                    <li key={i}>
                      {p.file} · <code className="text-xs">{p.path}</code>: {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </form>
    </details>
  );
}
