import { WaterLevelChart } from "@/components/charts/water-level-chart";
import { WeakestDistributionChart } from "@/components/charts/weakest-distribution-chart";
import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import { dashboardHeadline } from "@/lib/dashboard/aggregate";
import { TOO_FEW_TEAMS } from "@/lib/dashboard/privacy";
import { QUARTER_RULE } from "@/lib/dashboard/quarter";
import type { DashboardScreen } from "@/views/dashboard";
import { DashboardHeadlineNumbers } from "./headline";
import { WithheldNotice } from "./privacy-notes";
import { DistributionTable, WaterLevelTable } from "./quarter-tables";
import { StaleEvidenceSection } from "./stale-evidence";

/**
 * Headline numbers, the weakest-stave distribution and the water level over time (the page and the
 * report). Before any team in view has submitted an assessment with the model, one sentence says what
 * will appear instead of empty charts; `startHint` adds where to start one.
 */
export function DashboardAggregates({ view, tablesOpen = false, startHint = false }: { view: DashboardScreen; tablesOpen?: boolean; startHint?: boolean }) {
  if (view.series.assessedTeams === 0) {
    return (
      <p className={card} data-testid="no-aggregates-yet">
        Which area holds teams back, and whether the water level is rising, appear here once a team submits its first assessment with this model
        {startHint ? (
          <>
            : start one from a team’s page under{" "}
            <IntentLink href="/teams" className="font-semibold text-wood-700 underline">
              Teams
            </IntentLink>
            .
          </>
        ) : (
          "."
        )}
      </p>
    );
  }
  const { areas } = view;
  const nameOf = new Map(areas.map((a) => [a.areaId, a.name]));
  const { series } = view;
  return (
    <>
      <DashboardHeadlineNumbers
        headline={dashboardHeadline(series, view.digits)}
        withheld={series.withheld || series.quarters.at(-1)?.withheld === true}
        areaName={(id) => nameOf.get(id) ?? id}
        scaleMax={view.scale.max}
        digits={view.digits}
        quarter={view.quarters.at(-1)!}
      />
      {series.withheld ? (
        <p className={card} data-testid="aggregates-withheld">
          <strong>{TOO_FEW_TEAMS}</strong> This group has {series.assessedTeams} assessed team{series.assessedTeams === 1 ? "" : "s"}; its distribution, median
          and spread are shown to people outside it from {series.privacy.minTeams} teams up (the organisation’s owners set this number).
        </p>
      ) : (
        <>
          <WithheldNotice quarters={series.quarters} minTeams={series.privacy.minTeams} />
          <section className={`${card} print-avoid-break`} aria-labelledby="distribution-heading">
            <h2 id="distribution-heading" className="text-lg font-semibold">
              Which area holds teams back
            </h2>
            <p className="mb-3 text-sm text-stone-600">
              Each bar is one quarter: the share of each area among the teams’ weakest staves. A team whose weakest staves tie counts once for every tied area,
              so the counts in the table can add up to more than the teams counted.
            </p>
            <WeakestDistributionChart quarters={series.quarters} areas={areas} />
            <details className="mt-3" open={tablesOpen}>
              <summary className="cursor-pointer text-sm font-medium text-wood-700">The figures</summary>
              <div className="mt-2">
                <DistributionTable quarters={series.quarters} areas={areas} />
              </div>
            </details>
          </section>
          <StaleEvidenceSection view={view} />
          <section className={`${card} print-avoid-break`} aria-labelledby="water-heading">
            <h2 id="water-heading" className="text-lg font-semibold">
              Is the water level rising?
            </h2>
            <p className="mb-3 text-sm text-stone-600">
              The median of the teams’ water levels per quarter, with the middle half of teams shaded and the number of teams counted under each quarter.
            </p>
            <WaterLevelChart quarters={series.quarters} scale={view.scale} digits={view.digits} />
            <details className="mt-3" open={tablesOpen}>
              <summary className="cursor-pointer text-sm font-medium text-wood-700">The figures</summary>
              <div className="mt-2">
                <WaterLevelTable quarters={series.quarters} digits={view.digits} />
              </div>
            </details>
          </section>
        </>
      )}
      <CountingRules minTeams={series.privacy.minTeams} />
    </>
  );
}

/** How the figures are counted, said on the page. */
export function CountingRules({ minTeams }: { minTeams: number }) {
  return (
    <section aria-labelledby="counting-heading" className="text-sm text-stone-700">
      <h2 id="counting-heading" className="font-semibold text-stone-800">
        How these figures are counted
      </h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>{QUARTER_RULE} Only submitted assessments count; drafts never do.</li>
        <li>Ties for the weakest stave count for every tied area.</li>
        <li>Stale evidence is judged on today’s date, over every answer of the assessments the teams count with this quarter.</li>
        <li>
          A group with fewer than {minTeams} assessed teams, or a quarter with fewer than {minTeams} teams counted, shows no distribution, median or spread to
          people outside that group (owners and admins are inside every group). Where the organisation’s or a parent group’s figures less those of the groups
          shown would give a withheld group’s away, a second figure is withheld as well. Answer notes never appear here.
        </li>
        <li>Teams are listed by name or by group, never ranked.</li>
      </ul>
    </section>
  );
}
