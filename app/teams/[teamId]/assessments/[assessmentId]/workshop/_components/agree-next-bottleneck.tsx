"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { control, Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { button, field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/action-result";
import { formatScore } from "@/lib/format";
import { AGREED_ACTIONS_MAX, agreedActionDetail, agreementText, type Agreement, type AgreementForm } from "@/lib/workshop/agreement";
import { agreementFormAction, recordAgreementAction } from "../actions";

type Props = { workshopId: string; reportHref: string; initial?: AgreementForm };

/**
 * The end of a workshop: the room agrees the area to raise next, a target and the first actions,
 * and the facilitator records them; once recorded, what was agreed. The console is not reloaded
 * when the workshop ends, so the form's data is read when it first shows.
 */
export function AgreeNextBottleneck({ workshopId, reportHref, initial }: Props) {
  const [form, setForm] = useState<AgreementForm | null>(initial ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (initial) return;
    let current = true;
    void agreementFormAction({ workshopId }).then((result) => {
      if (!current) return;
      if (result.ok) setForm(result.data);
      else setLoadError(result.error);
    });
    return () => {
      current = false;
    };
  }, [workshopId, initial]);
  const agreement = form?.agreement ?? null;

  return (
    <section className="space-y-3 rounded-xl border border-wood-300 bg-wood-50 p-5" aria-labelledby="ended-heading">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="ended-heading" className="text-lg font-semibold">
          The workshop has ended: agree the next bottleneck
        </h2>
        <a className={button.secondary} href={reportHref}>
          Read the report
        </a>
      </div>
      <p className="text-sm text-stone-700">
        Agree the area to raise next, a target and the first actions. When the assessment is submitted they become its target and actions; the report shows
        them.
      </p>
      {!form ? (
        loadError ? (
          <p role="alert" className={field.error}>
            {loadError}
          </p>
        ) : (
          <p role="status" className="text-sm text-stone-600">
            Loading the areas…
          </p>
        )
      ) : agreement && !editing ? (
        <AgreedSummary agreement={agreement} form={form} onChange={() => setEditing(true)} />
      ) : form.mayRecord ? (
        <AgreementFields
          form={form}
          onRecorded={(recorded) => {
            setForm({ ...form, agreement: recorded, mayRecord: recorded.appliedAt === null });
            setEditing(false);
          }}
          onCancel={agreement ? () => setEditing(false) : undefined}
        />
      ) : (
        <p className="text-sm text-stone-700">Nothing agreed yet. The person who ran the workshop (or an owner or admin) records it.</p>
      )}
    </section>
  );
}

function AgreedSummary({ agreement, form, onChange }: { agreement: Agreement; form: AgreementForm; onChange: () => void }) {
  return (
    <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" data-testid="agreement">
      <p className="font-semibold text-wood-900">Agreed: {agreementText(agreement, form.digits)}</p>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        {agreement.actions.map((a, i) => (
          <li key={i}>
            {a.title}
            {agreedActionDetail(a) && <span className="text-stone-600"> · {agreedActionDetail(a)}</span>}
          </li>
        ))}
      </ol>
      {agreement.appliedAt ? (
        <p className="text-sm text-stone-700">
          This is the target and the first actions of the submitted assessment:{" "}
          <a className="font-medium text-wood-700 underline" href={form.resultsHref}>
            see them on its results
          </a>
          .
        </p>
      ) : (
        <p className="text-sm text-stone-700">When the assessment is submitted, this becomes its target and first actions.</p>
      )}
      {form.mayRecord && (
        <button type="button" className={button.quiet} onClick={onChange}>
          Change the agreement
        </button>
      )}
    </div>
  );
}

type Failure = Extract<ActionResult<Agreement>, { ok: false }>;

function AgreementFields({ form, onRecorded, onCancel }: { form: AgreementForm; onRecorded: (a: Agreement) => void; onCancel?: () => void }) {
  const [state, submit] = useActionState(recordAgreementAction, null);
  const failed: Failure | null = state && !state.ok ? state : null;
  const was = form.agreement;
  const [areaId, setAreaId] = useState(failed?.values?.areaId ?? was?.areaId ?? form.weakestId ?? form.areas[0]?.areaId ?? "");
  const handled = useRef<typeof state>(null);
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onRecorded(state.data);
    }
  }, [state, onRecorded]);
  const area = form.areas.find((a) => a.areaId === areaId);
  const value = (name: string, fallback: string) => failed?.values?.[name] ?? fallback;
  const errorOf = (name: string) => failed?.fieldErrors?.[name]?.[0];
  const level = value("level", String(was && was.areaId === areaId ? was.level : (area?.suggested ?? "")));

  return (
    <form action={submit} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4" aria-label="Agree the next bottleneck" noValidate>
      <input type="hidden" name="workshopId" value={form.workshopId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="agree-areaId" label="Area to raise" error={errorOf("areaId")}>
          <select
            {...control("agree-areaId", errorOf("areaId"))}
            name="areaId"
            className={field.input}
            value={areaId}
            onChange={(e) => setAreaId(e.target.value)}
          >
            {form.areas.map((a) => (
              <option key={a.areaId} value={a.areaId} disabled={a.levels.length === 0}>
                {a.name} · {a.score === null ? "no answer yet" : formatScore(a.score, form.digits)}
                {a.areaId === form.weakestId ? " (weakest stave)" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field id="agree-level" label="Target level" error={errorOf("level")} hint="One or two levels up holds best.">
          <select key={areaId} {...control("agree-level", errorOf("level"))} name="level" className={field.input} defaultValue={level}>
            {area?.levels.map((l) => (
              <option key={l} value={l}>
                {form.levelLabels[l] ? `${l} · ${form.levelLabels[l]}` : l}
              </option>
            ))}
          </select>
        </Field>
        <Field id="agree-dueOn" label="Target date" error={errorOf("dueOn")}>
          <input
            {...control("agree-dueOn", errorOf("dueOn"))}
            name="dueOn"
            type="date"
            min={form.earliestDueOn}
            className={field.input}
            defaultValue={value("dueOn", was?.dueOn ?? form.defaultDueOn)}
          />
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-stone-800">First actions (one to three; owner and due date if the room named them)</legend>
        {Array.from({ length: AGREED_ACTIONS_MAX }, (_, i) => {
          const n = i + 1;
          const before = was?.actions[i];
          return (
            <div key={n} className="grid gap-x-2 gap-y-1 sm:grid-cols-[2fr_1fr_auto]">
              <p className="mt-1 text-sm font-semibold text-stone-800 sm:hidden" aria-hidden="true">
                Action {n}
              </p>
              <ActionInput
                n={n}
                part="Title"
                label="title"
                required={n === 1}
                value={value(`action${n}Title`, before?.title ?? "")}
                error={errorOf(`action${n}Title`)}
              />
              <ActionInput n={n} part="Owner" label="owner" value={value(`action${n}Owner`, before?.ownerText ?? "")} error={errorOf(`action${n}Owner`)} />
              <ActionInput n={n} part="Due" label="due" type="date" value={value(`action${n}Due`, before?.dueOn ?? "")} error={errorOf(`action${n}Due`)} />
            </div>
          );
        })}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Recording…">Record the agreement</SubmitButton>
        {onCancel && (
          <button type="button" className={button.secondary} onClick={onCancel}>
            Keep what was agreed
          </button>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}

function ActionInput(props: { n: number; part: "Title" | "Owner" | "Due"; label: string; value: string; error?: string; type?: string; required?: boolean }) {
  const id = `agree-action${props.n}${props.part}`;
  const label = (
    <>
      <span className="sr-only">Action {props.n} </span>
      <span className="capitalize">{props.label}</span>
      {props.n > 1 || props.part !== "Title" ? <span className="font-normal text-stone-600"> (optional)</span> : null}
    </>
  );
  // On a wide screen the first row's labels head the columns; on a phone every field keeps its label.
  return (
    <Field id={id} label={label} error={props.error} labelClassName={props.n > 1 ? "sm:sr-only" : ""}>
      <input
        {...control(id, props.error)}
        name={`action${props.n}${props.part}`}
        type={props.type ?? "text"}
        defaultValue={props.value}
        className={field.input}
        aria-required={props.required || undefined}
      />
    </Field>
  );
}
