import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { PrintButton } from "@/components/ui/print-button";
import { button, card } from "@/components/ui/styles";
import { quarterLabel } from "@/lib/dashboard/quarter";
import { formatDate } from "@/lib/format";
import { groupPathName } from "@/lib/groups";
import { dashboardHref } from "@/lib/validation/dashboard";
import { page } from "@/server/page";
import { HandOver } from "@/app/_components/hand-over";
import { dashboardView, parseDashboardQuery } from "@/views/dashboard";
import { DashboardAggregates } from "../_components/dashboard-sections";
import { HeatmapLegend, HeatmapTable } from "../_components/heatmap-table";
import { TeamRowsNote } from "../_components/privacy-notes";

export const metadata: Metadata = { title: "Dashboard report" };

/** A report longer than this many teams lists the first ones and points to the CSV for the rest. */
const REPORT_TEAMS = 500;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dashboard as a print-friendly report (A4, charts included, no navigation). */
export default page(
  async ({ viewer, ctx }, { searchParams }: Props) => {
    const { screen: view } = await dashboardView(ctx, parseDashboardQuery(await searchParams), { heatmap: "all" });
    const group = view.path.at(-1);
    const filters = { ...view.query, model: view.modelId };
    const rows = view.heatmap.rows.slice(0, REPORT_TEAMS);
    const modelName = view.models.find((m) => m.modelId === view.modelId)?.name ?? view.modelId;
    return (
      <article className="report space-y-6">
        <HandOver />
        <header className="space-y-1">
          <p className="text-sm text-stone-600">{viewer.organisation.name} · Stave dashboard report</p>
          <h1 className="text-2xl font-bold text-wood-900">{group ? groupPathName(view.groups, group.id) : viewer.organisation.name}</h1>
          <p className="text-sm text-stone-700">
            {modelName} · {quarterLabel(view.quarters[0]!)} to {quarterLabel(view.quarters.at(-1)!)} · produced {formatDate(new Date())} · {view.series.teams}{" "}
            teams
          </p>
          <div className="no-print flex flex-wrap gap-2 pt-2">
            <PrintButton />
            <IntentLink href={dashboardHref("/dashboard", filters)} className={button.secondary}>
              Back to the dashboard
            </IntentLink>
          </div>
        </header>
        <DashboardAggregates view={view} tablesOpen />
        {/* On paper the heatmap starts a page, so its heading and legend are never left apart from it. */}
        <section aria-labelledby="report-heatmap-heading" className="space-y-2 print:break-before-page">
          <h2 id="report-heatmap-heading" className="text-lg font-semibold">
            Teams by area
          </h2>
          <TeamRowsNote
            teamResults={view.series.privacy.teamResults}
            seesEveryTeam={view.seesEveryTeam}
            aggregatesWithheld={view.series.withheld || view.series.quarters.some((q) => q.withheld)}
          />
          <HeatmapLegend scale={view.scale} digits={view.digits} />
          {rows.length === 0 ? (
            <p>No teams here yet.</p>
          ) : (
            <HeatmapTable
              rows={rows}
              areas={view.areas}
              groups={view.groups}
              scale={view.scale}
              digits={view.digits}
              currentQuarter={view.quarters.at(-1)!}
              caption="Area scores of each team's latest assessment"
            />
          )}
          {view.heatmap.total > rows.length && (
            <p className="text-sm text-stone-700">
              The first {rows.length} of {view.heatmap.total} teams; the heatmap CSV has them all.
            </p>
          )}
        </section>
      </article>
    );
  },
  {
    message: (error) => (
      <p className={card} role="alert">
        {error.message}
      </p>
    ),
  },
);
