import { namedFrameworks } from "@/lib/model/frameworks";
import { levelHeadlines } from "@/lib/model/headlines";
import { scoringText } from "@/lib/model/scoring-rules";
import type { Model } from "@/lib/model/schema";

/**
 * Every area, question and level of a model, as a respondent would read them (each level's headline
 * above its descriptor, where the two differ), with the evidence,
 * the criteria a level lists, the practices, the frameworks and the references behind each question. Questions fold, so a long model stays
 * easy to walk; the first is open.
 */
export function ModelPreview({ model }: { model: Model }) {
  let number = 0;
  const scoring = scoringText(model);
  return (
    <div className="space-y-6">
      {scoring && (
        <p className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800" data-testid="preview-scoring">
          <strong>Scoring:</strong> {scoring}
        </p>
      )}
      {model.coverage && (
        <p className="rounded-md border border-water-300 bg-stone-50 px-3 py-2 text-sm text-stone-800">
          <strong>Scope:</strong> {model.coverage}
        </p>
      )}
      {model.areas.map((area) => (
        <section key={area.id} aria-labelledby={`preview-${area.id}`} className="space-y-2">
          <div>
            <h2 id={`preview-${area.id}`} className="text-lg font-semibold text-wood-900">
              {area.name} <span className="text-sm font-normal text-stone-600">· {area.questions.length} questions</span>
            </h2>
            <p className="text-sm text-stone-700">{area.summary}</p>
          </div>
          {area.questions.map((q) => {
            number += 1;
            const headlines = levelHeadlines(q);
            const frameworks = namedFrameworks(q.mappings);
            return (
              <details key={q.id} open={number === 1} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-testid="preview-question">
                <summary className="cursor-pointer font-semibold text-stone-900">
                  {number}. {q.title}
                  <span className="block text-sm font-normal text-stone-700">{q.prompt}</span>
                </summary>
                <div className="mt-3 space-y-3 text-sm">
                  <p>
                    <strong>Why it matters:</strong> {q.why}
                  </p>
                  {q.coverage && (
                    <p className="text-stone-700">
                      <strong>Scope:</strong> {q.coverage}
                    </p>
                  )}
                  <ol className="space-y-2">
                    {model.scale.map((l, i) => (
                      <li key={l.value} className="grid gap-x-3 sm:grid-cols-[8rem_1fr]">
                        <span className="font-semibold text-wood-700">
                          {l.value} · {l.label}
                        </span>
                        <span>
                          {headlines[i] !== q.levels[i] && (
                            <span className="block font-medium text-stone-900" data-testid="preview-headline">
                              {headlines[i]}
                            </span>
                          )}
                          {q.levels[i]}
                          {q.criteria?.[l.value] && (
                            <ul className="mt-0.5 list-disc pl-5 text-stone-700" aria-label={`Criteria for level ${l.value}`}>
                              {q.criteria[l.value]!.map((c) => (
                                <li key={c}>{c}</li>
                              ))}
                            </ul>
                          )}
                          {q.evidence?.[i] && <span className="mt-0.5 block text-stone-600">Evidence: {q.evidence[i]}</span>}
                        </span>
                      </li>
                    ))}
                  </ol>
                  <p className="text-xs text-stone-600">
                    Question id <code>{q.id}</code>
                    {q.replaces && (
                      <>
                        {" "}
                        (replaces <code>{q.replaces}</code>)
                      </>
                    )}
                    {q.practices && q.practices.length > 0 && <> · practices: {q.practices.join(", ")}</>}
                  </p>
                  {frameworks.length > 0 && (
                    <dl
                      className="grid gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[9rem_1fr]"
                      aria-label={`Frameworks for ${q.title}`}
                      data-testid="preview-frameworks"
                    >
                      {frameworks.map((f) => (
                        <div key={f.name} className="contents">
                          <dt className="font-semibold text-stone-700">{f.name}</dt>
                          <dd className="text-stone-800">{f.entries.join(" · ")}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                  {q.references && q.references.length > 0 && (
                    <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={`References for ${q.title}`}>
                      {q.references.map((r) => (
                        <li key={r.url}>
                          <a href={r.url} className="text-wood-700 underline" rel="noreferrer noopener" target="_blank">
                            {r.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </details>
            );
          })}
        </section>
      ))}
    </div>
  );
}
