import type { ReactNode } from "react";
import { field } from "./styles";

/** What a field's control takes so that its label and message belong to it: `<input {...control("x", error)} />`. */
export function control(id: string, error?: string) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": `${id}-message` } as const;
}

/**
 * A labelled control with its message under it: the field's error when there is one, else its
 * hint, else an empty line for screen readers. The control is the child, given `control(id, error)`.
 */
export function Field({
  id,
  label,
  error,
  hint,
  labelClassName = "",
  alert = false,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  /** Added to the label's classes (e.g. "sm:sr-only" where a column heading names it). */
  labelClassName?: string;
  /** Announce the error as soon as it appears (for errors found before sending). */
  alert?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={`${field.label} ${labelClassName}`.trim()}>
        {label}
      </label>
      {children}
      <p id={`${id}-message`} role={alert && error ? "alert" : undefined} className={error ? field.error : hint ? field.hint : "sr-only"}>
        {error ?? hint ?? ""}
      </p>
    </div>
  );
}
