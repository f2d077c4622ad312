"use client";

import { useActionState, type ReactNode } from "react";
import { openInOrganisationAction } from "../actions";

/**
 * A desk link into another of the person's organisations: a button that looks like a link and
 * sends a form, since following it switches the active organisation (a change, never a GET).
 */
export function OpenInOrganisation({
  organisationId,
  to,
  className,
  children,
}: {
  organisationId: string;
  to: string;
  className: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(openInOrganisationAction, null);
  return (
    <form action={formAction} className="inline min-w-0">
      <input type="hidden" name="organisation" value={organisationId} />
      <input type="hidden" name="to" value={to} />
      <button type="submit" className={`${className} max-w-full cursor-pointer text-left`} aria-busy={pending || undefined}>
        {children}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.error}
        </span>
      )}
    </form>
  );
}
