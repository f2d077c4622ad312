"use client";

import { useFormStatus } from "react-dom";
import { button } from "./styles";

export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: keyof typeof button;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={button[variant]} disabled={pending} aria-disabled={pending}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
