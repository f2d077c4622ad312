import type { ActionResult } from "@/lib/action-result";
import { control, Field } from "./field";
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
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        {...control(id, error)}
        name={name}
        type={type}
        autoComplete={autoComplete}
        maxLength={maxLength}
        defaultValue={(state && !state.ok ? state.values?.[name] : undefined) ?? defaultValue}
        className={field.input}
      />
    </Field>
  );
}
