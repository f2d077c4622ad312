import type { QuarterFigures } from "@/lib/dashboard/aggregate";
import { withheldExplanation, type TeamResultsVisibility, type WithheldReason } from "@/lib/dashboard/privacy";
import { quarterLabel } from "@/lib/dashboard/quarter";

const REASONS: WithheldReason[] = ["too-few-teams", "complementary"];

/** Which quarters' figures are withheld from the reader, and why, one sentence per reason. */
export function WithheldNotice({ quarters, minTeams }: { quarters: readonly QuarterFigures[]; minTeams: number }) {
  const byReason = REASONS.map((reason) => ({
    reason,
    quarters: quarters.filter((q) => q.withheld && (q.withheldReason ?? "too-few-teams") === reason),
  })).filter((r) => r.quarters.length > 0);
  if (byReason.length === 0) return null;
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-stone-800" data-testid="withheld-notice">
      <ul className="space-y-1">
        {byReason.map(({ reason, quarters: qs }) => (
          <li key={reason}>
            <strong>{qs.map((q) => quarterLabel(q.quarter)).join(", ")}:</strong> {withheldExplanation(reason, minTeams)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Why the heatmap holds the rows it holds, under the organisation's setting: team rows beside a
 * group whose aggregates are withheld would otherwise read as a contradiction.
 */
export function TeamRowsNote({
  teamResults,
  seesEveryTeam,
  aggregatesWithheld,
}: {
  teamResults: TeamResultsVisibility;
  seesEveryTeam: boolean;
  /** Whether the group's aggregates are withheld from the reader in any quarter shown. */
  aggregatesWithheld: boolean;
}) {
  if (teamResults === "organisation") {
    return (
      <p className="text-sm text-stone-600" data-testid="team-rows-note">
        {aggregatesWithheld
          ? "Each team’s results are open to everyone in this organisation (Organisation settings), so team rows are shown; only the group’s aggregates are withheld."
          : "Each team’s results are open to everyone in this organisation (Organisation settings), so team rows are shown."}
      </p>
    );
  }
  return (
    <p className="text-sm text-stone-600" data-testid="team-rows-note">
      {seesEveryTeam
        ? "Each team’s own results are shown only to the team and its leads; as a lead you see every team’s row."
        : "Each team’s own results are shown only to the team and its leads (an owner’s setting): only the rows of your own teams appear here."}
    </p>
  );
}
