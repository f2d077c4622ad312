import { card } from "@/components/ui/styles";
import { staleEvidenceCount, staleEvidenceShare, stalePercent } from "@/lib/dashboard/stale-evidence";
import { formatDate } from "@/lib/format";
import type { DashboardScreen } from "@/views/dashboard";

/**
 * Per area, the share of answers in the teams' current assessments whose evidence has lapsed: a line
 * per area with some, a bar for the eye and the figure in words; the areas without any in one line.
 * Absent where the quarter's figures are withheld, or no team counts this quarter.
 */
export function StaleEvidenceSection({ view }: { view: Pick<DashboardScreen, "staleEvidence" | "areas"> }) {
  const { staleEvidence: figures } = view;
  if (figures.withheld || figures.teams === 0) return null;
  const nameOf = new Map(view.areas.map((a) => [a.areaId, a.name]));
  const stale = figures.areas.filter((a) => a.stale > 0);
  const clear = figures.areas.filter((a) => a.stale === 0 && a.answers > 0).map((a) => nameOf.get(a.areaId) ?? a.areaId);
  return (
    // On paper only when some evidence is stale: "none" is not worth a page of the report.
    <section
      className={`${card} print-avoid-break ${stale.length === 0 ? "print:hidden" : ""}`}
      aria-labelledby="stale-evidence-heading"
      data-testid="stale-evidence"
    >
      <h2 id="stale-evidence-heading" className="text-lg font-semibold">
        Is the evidence still current?
      </h2>
      <p className="mb-3 text-sm text-stone-600">
        Per area, how many answers in the current assessments of the {figures.teams} team{figures.teams === 1 ? "" : "s"} counted this quarter rest on evidence
        that had lapsed by <span className="whitespace-nowrap">{formatDate(figures.today)}</span> (an answer without evidence counts as not stale).
      </p>
      {stale.length === 0 ? (
        <p className="text-sm text-stone-800">No answer here rests on stale evidence.</p>
      ) : (
        <ul className="space-y-2" aria-label="Stale evidence per area">
          {stale.map((area) => (
            <li key={area.areaId} className="gap-x-3 sm:grid sm:grid-cols-[12rem_1fr] sm:items-center" data-area={area.areaId}>
              <span className="block font-medium text-stone-900">{nameOf.get(area.areaId) ?? area.areaId}</span>
              <span className="flex items-center gap-2 sm:gap-3">
                <span className="h-2 w-12 shrink-0 overflow-hidden rounded-full bg-stone-200 sm:w-24" aria-hidden="true">
                  <span className="block h-full bg-red-700" style={{ width: `${Math.max(stalePercent(area) ?? 0, 3)}%` }} />
                </span>
                <span className="text-sm">
                  <span className="font-semibold text-red-800">{staleEvidenceShare(area)}</span>{" "}
                  <span className="whitespace-nowrap text-stone-600">({staleEvidenceCount(area)})</span>
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {stale.length > 0 && clear.length > 0 && <p className="mt-3 text-sm text-stone-700">No stale evidence in {clear.join(", ")}.</p>}
    </section>
  );
}
