import type { ReactNode } from "react";
import { formatDate } from "@/lib/format";
import type { WorkshopListItem } from "@/lib/workshop/workshop-links";
import { plural } from "@/lib/words";

type Props = {
  items: readonly WorkshopListItem[];
  /** Renders a way to a page of the workshop's organisation (the desk switches organisation on the way). */
  link?: (path: string, className: string, children: ReactNode) => ReactNode;
};

const plainLink = (path: string, className: string, children: ReactNode) => (
  <a href={path} className={className}>
    {children}
  </a>
);

const linkStyle = "text-wood-700 underline-offset-2 hover:underline";

const stateStyle: Record<WorkshopListItem["status"], string> = {
  open: "bg-green-100 text-green-900",
  paused: "bg-amber-100 text-amber-900",
  ended: "bg-stone-100 text-stone-700",
};

/** Workshops as a list: team, state, dates, facilitator, and where each leads. */
export function WorkshopRows({ items, link = plainLink }: Props) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {items.map((w) => (
        <li key={w.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3" data-testid="workshop-row">
          <div className="min-w-0">
            <p className="font-semibold text-stone-900">
              {w.teamName} <span className={`ml-1 rounded-full px-2 py-0.5 text-xs font-medium ${stateStyle[w.status]}`}>{w.state}</span>
            </p>
            <p className="text-sm text-stone-700">
              Opened {formatDate(w.openedAt)}
              {w.endedAt && <> · ended {formatDate(w.endedAt)}</>} · facilitated by {w.facilitator} · {plural(w.participants, "participant")}
            </p>
          </div>
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm font-medium">
            {w.links.console &&
              link(
                w.links.console,
                linkStyle,
                <>
                  Console<span className="sr-only"> of the {w.teamName} workshop</span>
                </>,
              )}
            {w.links.presenter &&
              link(
                w.links.presenter,
                linkStyle,
                <>
                  Presenter<span className="sr-only"> view of the {w.teamName} workshop</span>
                </>,
              )}
            {link(
              w.links.report,
              linkStyle,
              <>
                Report<span className="sr-only"> of the {w.teamName} workshop</span>
              </>,
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
