/** An earlier submitted assessment a result may be compared with. */
export type Comparable = { id: string; submittedAt: string };

/**
 * The assessments a result may be compared with: the team's earlier submitted ones of the same
 * model (another model's answers do not line up question by question), newest first.
 */
export function comparable(
  scored: readonly { assessmentId: string; modelId: string; submittedAt: Date | string }[],
  modelId: string,
  before: string,
): Comparable[] {
  return scored
    .map((s) => ({ id: s.assessmentId, modelId: s.modelId, submittedAt: new Date(s.submittedAt).toISOString() }))
    .filter((s) => s.modelId === modelId && s.submittedAt < before)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
    .map(({ id, submittedAt }) => ({ id, submittedAt }));
}
