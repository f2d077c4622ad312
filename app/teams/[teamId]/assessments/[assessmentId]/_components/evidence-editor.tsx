"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { button, field } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/action-result";
import type { AssessmentEvidence, EvidenceAt } from "@/lib/evidence/stored";
import { EVIDENCE_ITEMS_MAX, EVIDENCE_LINK_MAX } from "@/lib/evidence/items";
import { VALIDITY_CHOICES, validityText } from "@/lib/evidence/validity";
import { removeEvidenceAction, saveEvidenceAction } from "../actions";
import { EvidenceSummary } from "@/components/evidence-summary";

/** An answer's evidence: shown with whether it is stale, and added, changed or removed in place. */
export function EvidenceEditor({
  assessmentId,
  question,
  evidence,
}: {
  assessmentId: string;
  question: { id: string; title: string };
  evidence: AssessmentEvidence;
}) {
  const { id: questionId, title } = question;
  const { today } = evidence;
  const initial = evidence.saved[questionId];
  const defaultValidity = evidence.defaults[questionId]!;
  const [saved, setSaved] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  const headingId = `${id}-heading`;

  // Closing the form puts focus back on the button that opened it (rendered again once the form is gone).
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
    setResult(null);
  };
  const save = async (form: FormData) => {
    const answer = await saveEvidenceAction(null, form);
    setResult(answer);
    if (answer.ok) {
      setSaved(answer.data);
      close();
    }
  };
  const remove = async (form: FormData) => {
    const answer = await removeEvidenceAction(null, form);
    setResult(answer);
    if (answer.ok) {
      setSaved(undefined);
      close();
    }
  };

  return (
    <section aria-labelledby={headingId} className="rounded-md border border-stone-200 bg-stone-50 p-3 text-sm" data-testid={`evidence-${questionId}`}>
      <h3 id={headingId} className="font-semibold text-stone-900">
        Evidence<span className="sr-only"> for {title}</span>
      </h3>
      {!editing && (
        <>
          {saved ? <EvidenceSummary evidence={saved} /> : <p className="mt-1 text-stone-700">None yet: a link or a line saying where the proof is.</p>}
          <div className="mt-2 flex flex-wrap gap-2">
            <button ref={opener} type="button" className={button.secondary} onClick={() => setEditing(true)}>
              {saved ? "Change evidence" : "Add evidence"}
              <span className="sr-only"> for {title}</span>
            </button>
            {saved && (
              <form action={remove}>
                <input type="hidden" name="assessmentId" value={assessmentId} />
                <input type="hidden" name="questionId" value={questionId} />
                <SubmitButton variant="quiet" pendingText="Removing…">
                  Remove evidence<span className="sr-only"> for {title}</span>
                </SubmitButton>
              </form>
            )}
          </div>
          {result && !result.ok && <FormMessage state={result} />}
        </>
      )}
      {editing && (
        <EvidenceForm
          key={saved ? saved.effectiveOn + saved.items.join() : "new"}
          id={id}
          assessmentId={assessmentId}
          questionId={questionId}
          saved={saved}
          defaultValidity={defaultValidity}
          today={today}
          result={result}
          onSave={save}
          onCancel={close}
        />
      )}
    </section>
  );
}

type FormProps = {
  id: string;
  assessmentId: string;
  questionId: string;
  defaultValidity: string;
  /** Today on the server's clock: the latest day evidence may take effect. */
  today: string;
  saved: EvidenceAt | undefined;
  result: ActionResult<unknown> | null;
  onSave: (form: FormData) => Promise<void>;
  onCancel: () => void;
};

function EvidenceForm({ id, assessmentId, questionId, saved, defaultValidity, today, result, onSave, onCancel }: FormProps) {
  const [items, setItems] = useState(saved?.items ?? [""]);
  const sent = result && !result.ok ? result : undefined;
  const error = (name: string) => sent?.fieldErrors?.[name]?.[0];
  const validity = saved?.validFor ?? defaultValidity;
  const choices = [...new Set([...VALIDITY_CHOICES, validity, defaultValidity])];

  const described = (name: string) => `${id}-${name}-message`;
  return (
    <form action={onSave} className="mt-2 space-y-3" noValidate>
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <input type="hidden" name="questionId" value={questionId} />
      <fieldset aria-describedby={`${id}-items-hint ${described("items")}`}>
        <legend className={field.label}>Links or short texts</legend>
        <p id={`${id}-items-hint`} className={field.hint}>
          A web address (https://…) or a line saying where the proof is, such as “Pen test report, security drive”.
        </p>
        <ul className="mt-1 space-y-2">
          {items.map((item, i) => (
            <li key={i} className="flex items-start gap-2">
              <label htmlFor={`${id}-item-${i}`} className="sr-only">
                Evidence item {i + 1}
              </label>
              <input
                id={`${id}-item-${i}`}
                name="items"
                value={item}
                autoFocus={i === 0}
                maxLength={EVIDENCE_LINK_MAX}
                onChange={(e) => setItems(items.map((old, j) => (j === i ? e.target.value : old)))}
                className={`${field.input} mt-0`}
                aria-invalid={error("items") ? true : undefined}
              />
              {items.length > 1 && (
                <button type="button" className={`${button.quiet} min-h-10 shrink-0`} onClick={() => setItems(items.filter((_, j) => j !== i))}>
                  Remove<span className="sr-only"> item {i + 1}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
        {items.length < EVIDENCE_ITEMS_MAX && (
          <button type="button" className={`${button.quiet} mt-1 min-h-10`} onClick={() => setItems([...items, ""])}>
            Add another item
          </button>
        )}
        <p id={described("items")} className={error("items") ? field.error : "sr-only"}>
          {error("items") ?? ""}
        </p>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-effective`} className={field.label}>
            Effective from
          </label>
          <input
            id={`${id}-effective`}
            name="effectiveOn"
            type="date"
            max={today}
            defaultValue={sent?.values?.effectiveOn ?? saved?.effectiveOn ?? today}
            className={field.input}
            aria-invalid={error("effectiveOn") ? true : undefined}
            aria-describedby={`${id}-effective-hint ${described("effectiveOn")}`}
          />
          <p id={`${id}-effective-hint`} className={field.hint}>
            The day the report, review or test was done.
          </p>
          <p id={described("effectiveOn")} className={error("effectiveOn") ? field.error : "sr-only"}>
            {error("effectiveOn") ?? ""}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-valid-for`} className={field.label}>
            Holds for
          </label>
          <select
            id={`${id}-valid-for`}
            name="validFor"
            defaultValue={sent?.values?.validFor ?? validity}
            className={field.input}
            aria-invalid={error("validFor") ? true : undefined}
            aria-describedby={described("validFor")}
          >
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {validityText(choice)}
                {choice === defaultValidity ? " (default)" : ""}
              </option>
            ))}
          </select>
          <p id={described("validFor")} className={error("validFor") ? field.error : "sr-only"}>
            {error("validFor") ?? ""}
          </p>
        </div>
      </div>
      <FormMessage state={result} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingText="Saving…">Save evidence</SubmitButton>
        <button type="button" className={button.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
