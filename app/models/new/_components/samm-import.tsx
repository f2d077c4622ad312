"use client";

import { useState } from "react";
import { control, Field } from "@/components/ui/field";
import { button, field } from "@/components/ui/styles";
import type { ModelProblem } from "@/lib/model/parse";
import { SAMM_DEFAULTS, SAMM_RELEASE, SAMM_SOURCE, type SammAreas } from "@/lib/model/samm-defaults";

/** The import, or the problem document the route answers (with the archive's own problems when it has some). */
type Answer = { yaml: string; questions: number } | { detail: string; problems?: ModelProblem[] };

/** Imports an OWASP SAMM v2 core archive as a model's YAML, handed to the text box below to check and publish. */
export function SammImport({ onImported }: { onImported: (yaml: string) => void }) {
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [areas, setAreas] = useState<SammAreas>("functions");
  // Each choice is its own model; a name or id the admin typed stays when the choice changes.
  const [naming, setNaming] = useState<{ id: string; name: string }>(SAMM_DEFAULTS.functions);
  function choose(next: SammAreas) {
    const before = SAMM_DEFAULTS[areas];
    setNaming((n) => ({ id: n.id === before.id ? SAMM_DEFAULTS[next].id : n.id, name: n.name === before.name ? SAMM_DEFAULTS[next].name : n.name }));
    setAreas(next);
  }

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
          A ZIP or .tar.gz of the YAML of OWASP SAMM v{SAMM_RELEASE}&apos;s core (
          <a href={SAMM_SOURCE} className="text-wood-700 underline" target="_blank" rel="noreferrer">
            owaspsamm/core
          </a>
          , at most 5 MB). Its questions become the model&apos;s, SAMM&apos;s answers its levels and its quality criteria their evidence, scored as SAMM scores
          them (0 to 3). The model&apos;s description credits SAMM and says the text was adapted, under SAMM&apos;s licence (CC BY-SA 4.0).
        </p>
        <Field id="samm-archive" label="SAMM archive">
          <input
            {...control("samm-archive")}
            name="archive"
            type="file"
            accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
            required
            className="mt-1 block text-sm"
          />
        </Field>
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium text-stone-800">Areas (staves) are</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="areas" value="functions" checked={areas === "functions"} onChange={() => choose("functions")} /> SAMM&apos;s business
            functions (5 areas)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="areas" value="practices" checked={areas === "practices"} onChange={() => choose("practices")} /> SAMM&apos;s security
            practices (15 areas)
          </label>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr_2fr]">
          <Field id="samm-id" label="Model id" hint="Lower-case kebab-case; stays the same across versions.">
            <input
              {...control("samm-id")}
              name="id"
              value={naming.id}
              onChange={(e) => setNaming({ ...naming, id: e.target.value })}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              maxLength={80}
              className={field.input}
            />
          </Field>
          <Field id="samm-version" label="Version">
            <input {...control("samm-version")} name="version" defaultValue={SAMM_RELEASE} pattern="\d+\.\d+\.\d+" className={field.input} />
          </Field>
          <Field id="samm-name" label="Name">
            <input
              {...control("samm-name")}
              name="name"
              value={naming.name}
              onChange={(e) => setNaming({ ...naming, name: e.target.value })}
              maxLength={80}
              className={field.input}
            />
          </Field>
        </div>
        <button type="submit" className={button.secondary} disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
        <div role="status" aria-live="polite" className="text-sm">
          {answer && "yaml" in answer && (
            <p className="font-medium text-stone-800">
              Imported {answer.questions} questions into the text box below (&ldquo;Or paste it: the model (YAML)&rdquo;): check it, then publish it.
            </p>
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
