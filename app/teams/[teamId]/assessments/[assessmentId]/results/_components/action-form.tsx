"use client";

import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { ACTION_STATUSES, actionStatusLabels, aimKey, type ImprovementAction } from "@/lib/improvement-actions";
import { ACTION_DESCRIPTION_MAX, ACTION_TITLE_MAX, PERSON_NAME_MAX } from "@/lib/validation/limits";
import { createActionAction, updateActionAction } from "../actions";

export type AimChoice = { areaId: string; areaName: string; questions: { id: string; title: string }[] };

type Props = {
  /** Adds to this assessment, or edits `action`. */
  assessmentId: string;
  action?: ImprovementAction;
  members: { userId: string; name: string }[];
  aims: AimChoice[];
  /** What a new action aims at unless chosen otherwise: the weakest stave. */
  defaultAim: string;
};

/** Adds an improvement action, or edits one: title, description, owner, due date, status and aim. */
export function ActionForm({ assessmentId, action, members, aims, defaultAim }: Props) {
  const [state, submit] = useActionState(action ? updateActionAction : createActionAction, null);
  const id = useId();
  const failed = state && !state.ok ? state : undefined;
  const value = (name: string, fallback: string) => failed?.values?.[name] ?? fallback;
  const error = (name: string) => failed?.fieldErrors?.[name]?.[0];
  const owner = action?.ownerUserId ? `member:${action.ownerUserId}` : action?.ownerName ? "other" : "";
  const aim = action ? aimKey(action) : defaultAim;
  const select = (name: string, label: string, fallback: string, options: React.ReactNode) => (
    <div>
      <label htmlFor={`${id}-${name}`} className={field.label}>
        {label}
      </label>
      {/* Keyed by its value: a form reset after an action puts a select back to the choice it first had. */}
      <select
        key={value(name, fallback)}
        id={`${id}-${name}`}
        name={name}
        defaultValue={value(name, fallback)}
        className={field.input}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={`${id}-${name}-message`}
      >
        {options}
      </select>
      <p id={`${id}-${name}-message`} className={error(name) ? field.error : "sr-only"}>
        {error(name) ?? ""}
      </p>
    </div>
  );

  return (
    <form action={submit} className="space-y-3" noValidate>
      {action ? <input type="hidden" name="actionId" value={action.id} /> : <input type="hidden" name="assessmentId" value={assessmentId} />}
      <TextField id={`${id}-title`} name="title" label="Title" state={state} maxLength={ACTION_TITLE_MAX} defaultValue={action?.title} />
      <div>
        <label htmlFor={`${id}-description`} className={field.label}>
          Description (optional)
        </label>
        <textarea
          id={`${id}-description`}
          name="description"
          rows={2}
          maxLength={ACTION_DESCRIPTION_MAX}
          defaultValue={value("description", action?.description ?? "")}
          className={field.input}
          aria-invalid={error("description") ? true : undefined}
          aria-describedby={`${id}-description-message`}
        />
        <p id={`${id}-description-message`} className={error("description") ? field.error : "sr-only"}>
          {error("description") ?? ""}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {select(
          "owner",
          "Owner",
          owner,
          <>
            <option value="">No owner yet</option>
            {members.map((m) => (
              <option key={m.userId} value={`member:${m.userId}`}>
                {m.name}
              </option>
            ))}
            {action?.ownerUserId && !members.some((m) => m.userId === action.ownerUserId) && (
              <option value={`member:${action.ownerUserId}`}>{action.ownerName ?? "A former member"} (no longer a member)</option>
            )}
            <option value="other">Someone else (type the name)</option>
          </>,
        )}
        <div>
          <label htmlFor={`${id}-ownerText`} className={field.label}>
            Owner&apos;s name, if not a member
          </label>
          <input
            id={`${id}-ownerText`}
            name="ownerText"
            maxLength={PERSON_NAME_MAX}
            defaultValue={value("ownerText", action && !action.ownerUserId ? (action.ownerName ?? "") : "")}
            className={field.input}
            aria-invalid={error("ownerText") ? true : undefined}
            aria-describedby={`${id}-ownerText-message`}
          />
          <p id={`${id}-ownerText-message`} className={error("ownerText") ? field.error : "sr-only"}>
            {error("ownerText") ?? ""}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-dueOn`} className={field.label}>
            Due date (optional)
          </label>
          <input
            id={`${id}-dueOn`}
            name="dueOn"
            type="date"
            defaultValue={value("dueOn", action?.dueOn ?? "")}
            className={field.input}
            aria-invalid={error("dueOn") ? true : undefined}
            aria-describedby={`${id}-dueOn-message`}
          />
          <p id={`${id}-dueOn-message`} className={error("dueOn") ? field.error : "sr-only"}>
            {error("dueOn") ?? ""}
          </p>
        </div>
        {select(
          "status",
          "Status",
          action?.status ?? "planned",
          ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {actionStatusLabels[s]}
            </option>
          )),
        )}
      </div>
      {select(
        "aim",
        "Aims at",
        aim,
        aims.map((a) => (
          <optgroup key={a.areaId} label={a.areaName}>
            <option value={aimKey({ areaId: a.areaId, questionId: null })}>{a.areaName} (the whole area)</option>
            {a.questions.map((q) => (
              <option key={q.id} value={aimKey({ areaId: a.areaId, questionId: q.id })}>
                {q.title}
              </option>
            ))}
          </optgroup>
        )),
      )}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant={action ? "secondary" : "primary"} pendingText="Saving…">
          {action ? "Save the action" : "Add the action"}
        </SubmitButton>
        {state?.ok && (
          <p role="status" className="text-sm font-medium text-green-800">
            {action ? "Saved." : "Added."}
          </p>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
