import type { ActionResult } from "@/lib/action-result";
import { field } from "./styles";

type Props = {
  name: string;
  label: string;
  state: ActionResult<unknown> | null;
  type?: string;
  autoComplete?: string;
  maxLength?: number;
  defaultValue?: string;
  hint?: string;
  /** Needed when the same form appears more than once on a page (ids must be unique). */
  id?: string;
};

/** A labelled input that shows its own field error from the action's answer. */
export function TextField({ name, label, state, type = "text", autoComplete, maxLength, defaultValue, hint, id = `field-${name}` }: Props) {
  const error = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  return (
    <div>
      <label htmlFor={id} className={field.label}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        maxLength={maxLength}
        defaultValue={(state && !state.ok ? state.values?.[name] : undefined) ?? defaultValue}
        className={field.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-message`}
      />
      <p id={`${id}-message`} className={error ? field.error : hint ? field.hint : "sr-only"}>
        {error ?? hint ?? ""}
      </p>
    </div>
  );
}
