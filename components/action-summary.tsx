import { formatDate } from "@/lib/format";
import { actionStatusLabels, aimLabel, isOverdue, ownerLabel, type ActionStatus, type ImprovementAction } from "@/lib/improvement-actions";
import type { Model } from "@/lib/model/schema";

const statusStyle: Record<ActionStatus, string> = {
  planned: "bg-stone-100 text-stone-800 ring-stone-300",
  in_progress: "bg-sky-50 text-sky-900 ring-sky-300",
  done: "bg-green-50 text-green-800 ring-green-300",
  dropped: "bg-stone-50 text-stone-600 ring-stone-200",
};

function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return (
    <span data-testid="action-status" className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${statusStyle[status]}`}>
      {actionStatusLabels[status]}
    </span>
  );
}

/**
 * One improvement action in a line or two: title, status, owner, due date (marked when overdue)
 * and what it aims at. `now` is the request's time, so server and browser agree on "overdue".
 */
export function ActionSummary({ action, aim, now }: { action: ImprovementAction; aim: string; now: Date }) {
  const overdue = isOverdue(action, now);
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <span className={`font-semibold text-stone-900 ${action.status === "dropped" ? "line-through decoration-stone-400" : ""}`}>{action.title}</span>
        <ActionStatusBadge status={action.status} />
        {overdue && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">Overdue</span>}
      </p>
      <p className="text-sm text-stone-700">
        {ownerLabel(action)}
        {action.dueOn && <> · due {formatDate(action.dueOn)}</>} · aims at {aim}
      </p>
      {action.description && <p className="whitespace-pre-line text-sm text-stone-700">{action.description}</p>}
    </div>
  );
}

/** A read-only list of actions (what a cycle agreed, what is still open), named for screen readers. */
export function ActionList({ actions, model, now, label }: { actions: readonly ImprovementAction[]; model: Pick<Model, "areas">; now: Date; label: string }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200" aria-label={label}>
      {actions.map((action) => (
        <li key={action.id} className="p-3">
          <ActionSummary action={action} aim={aimLabel(model, action)} now={now} />
        </li>
      ))}
    </ul>
  );
}
