import { aimKey, isOpen, type ImprovementAction } from "./improvement-actions";
import type { Target } from "./target";

// What one cycle hands to the next: the target and actions agreed on the assessment before, and
// every action still open. Read from where they were agreed; nothing is copied forward.

/** Moments are ISO 8601 strings in UTC, which sort as they compare. */
export type Cycle = { assessmentId: string; submittedAt: string; target: Target | undefined; actions: ImprovementAction[] };

/**
 * The cycle of the newest submitted assessment before `before` (or the newest of all), with its
 * target and the actions agreed on it, in their order. Undefined when there is none.
 */
export function previousCycle(
  submitted: readonly { id: string; submittedAt: string }[],
  targets: readonly Target[],
  actions: readonly ImprovementAction[],
  before?: string,
): Cycle | undefined {
  const previous = submitted
    .filter((s) => before === undefined || s.submittedAt < before)
    .reduce<{ id: string; submittedAt: string } | undefined>((newest, s) => (!newest || s.submittedAt > newest.submittedAt ? s : newest), undefined);
  if (!previous) return undefined;
  return {
    assessmentId: previous.id,
    submittedAt: previous.submittedAt,
    target: targets.find((t) => t.assessmentId === previous.id),
    actions: actions.filter((a) => a.assessmentId === previous.id).sort((a, b) => a.position - b.position),
  };
}

/** Every action still open, whichever cycle agreed it: oldest cycle first, then in order. */
export const openActions = (actions: readonly ImprovementAction[]) =>
  [...actions].filter((a) => isOpen(a.status)).sort((a, b) => a.agreedOn.localeCompare(b.agreedOn) || a.position - b.position);

/** Open actions by what they aim at: "question:<id>" or "area:<id>". */
export function actionsByAim(actions: readonly ImprovementAction[]): Record<string, ImprovementAction[]> {
  const byAim: Record<string, ImprovementAction[]> = {};
  for (const a of actions) (byAim[aimKey(a)] ??= []).push(a);
  return byAim;
}
