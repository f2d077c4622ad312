import "server-only";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { ReactNode } from "react";
import { asAppError } from "@/db/queries/pg-errors";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/viewer";
import type { Ctx } from "@/db/context";
import { requireMember } from "./session";

export type PageCaller = { viewer: Viewer; ctx: Ctx };

/**
 * How a page says a link cannot be shown: a filter that names nothing valid, a state the page
 * cannot be in. A page may pass its own; this one serves the rest.
 */
function defaultMessage(error: AppError): ReactNode {
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 py-12 text-center">
      <h1 className="text-2xl font-bold text-wood-900">This page cannot be shown</h1>
      <p className="text-stone-700">{error.message}</p>
    </div>
  );
}

/**
 * A team's results kept from the reader by the organisation's setting: said as that, with the way
 * back, so it reads as the organisation's choice rather than a broken link.
 */
function privateMessage(error: AppError): ReactNode {
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 py-12 text-center" data-testid="results-private">
      <h1 className="text-2xl font-bold text-wood-900">These results are kept to the team</h1>
      <p className="text-stone-700">{error.message}</p>
      <p>
        <a href="/teams" className="font-semibold text-wood-700 underline">
          Go to the teams
        </a>
      </p>
    </div>
  );
}

/**
 * The one way a member's page runs, beside `action`, `formAction` and `route`: find the viewer (or
 * send them to sign in), render with their context, and map the data layer's typed errors once —
 * someone else's or a missing resource is not found, a team's results the organisation keeps to the
 * team and its leads are refused saying so, a session that ended signs in again, a link
 * that asks for something invalid, or a database that cannot be reached, gets a message saying
 * what. Anything else reaches the error page.
 */
export function page<P>(
  render: (caller: PageCaller, props: P) => Promise<ReactNode>,
  { message = defaultMessage }: { message?: (error: AppError) => ReactNode } = {},
): (props: P) => Promise<ReactNode> {
  return async (props) => {
    try {
      return await render(await requireMember(), props);
    } catch (thrown) {
      unstable_rethrow(thrown);
      // An unreachable database is said as such (nothing was lost; try again shortly), not as a fault.
      const error = asAppError(thrown);
      if (!(error instanceof AppError)) throw error;
      if (error.code === "not_found" || error.code === "forbidden") notFound();
      if (error.code === "unauthenticated") redirect("/sign-in");
      if (error.code === "results_private") return privateMessage(error);
      return error.code === "unavailable" ? defaultMessage(error) : message(error);
    }
  };
}
