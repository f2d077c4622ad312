import { formatDate } from "@/lib/format";
import { actionStatusLabels, type ImprovementAction } from "@/lib/improvement-actions";

/** What an open action aimed here says, on the question (or area) it aims at. */
export type AimedAction = Pick<ImprovementAction, "id" | "title" | "status" | "ownerName" | "dueOn">;

export function AimedActions({ actions, where }: { actions: readonly AimedAction[] | undefined; where: string }) {
  if (!actions || actions.length === 0) return null;
  return (
    <div className="rounded-md border-l-4 border-water-500 bg-sky-50 px-3 py-2 text-sm text-stone-800" data-testid="aimed-actions">
      <p className="font-semibold">
        Open action{actions.length === 1 ? "" : "s"} aimed at {where}:
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {actions.map((a) => (
          <li key={a.id}>
            {a.title}{" "}
            <span className="text-stone-600">
              ({[actionStatusLabels[a.status].toLowerCase(), a.ownerName, a.dueOn && `due ${formatDate(a.dueOn)}`].filter(Boolean).join(", ")})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
