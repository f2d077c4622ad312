import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { Pager } from "@/components/ui/pager";
import { button, card } from "@/components/ui/styles";
import { groupAndDescendants } from "@/lib/groups";
import { allows, can } from "@/lib/permissions";
import { dashboardHref, HEATMAP_PAGE_SIZE } from "@/lib/validation/dashboard";
import { page } from "@/server/page";
import { dashboardView, parseDashboardQuery } from "@/views/dashboard";
import { DashboardAggregates } from "./_components/dashboard-sections";
import { DashboardFilters } from "./_components/filters";
import { DeliverySpreadSection } from "./_components/delivery-spread";
import { HeatmapLegend, HeatmapTable } from "./_components/heatmap-table";
import { TeamRowsNote } from "./_components/privacy-notes";
import { Breadcrumbs } from "./_components/breadcrumbs";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default page(
  async ({ viewer, ctx }, { searchParams }: Props) => {
    const { screen: view } = await dashboardView(ctx, parseDashboardQuery(await searchParams));
    const { query, groups, path, heatmap, teamsPerGroup: direct } = view;
    const group = path.at(-1);
    const title = group ? group.name : viewer.organisation.name;
    const children = groups.filter((g) => g.parentId === (group?.id ?? null));
    const teamsUnder = (id: string) => [...groupAndDescendants(groups, id)].reduce((sum, g) => sum + (direct[g] ?? 0), 0);
    const filters = { ...query, model: view.modelId };
    const exportQuery = dashboardHref("", { ...filters, page: 1 });
    const first = (query.page - 1) * HEATMAP_PAGE_SIZE;

    return (
      <div className="space-y-8">
        <div className="space-y-1">
          <Breadcrumbs organisation={viewer.organisation.name} path={path} query={filters} />
          <h1 className="text-2xl font-bold text-wood-900">Dashboard: {title}</h1>
          <p className="text-stone-700">
            Where the weakest stave is across {group ? "this group’s" : "the organisation’s"} teams, whether the water level is rising, and which area holds
            most teams back.
          </p>
        </div>

        <DashboardFilters key={dashboardHref("", filters)} query={query} groups={groups} models={view.models} modelId={view.modelId} />

        <div className="flex flex-wrap gap-2 text-sm">
          <a href={`/dashboard/export/heatmap${exportQuery}`} className={button.secondary} download>
            Heatmap as CSV
          </a>
          <a href={`/dashboard/export/quarters${exportQuery}`} className={button.secondary} download>
            Quarters as CSV
          </a>
          <IntentLink href={dashboardHref("/dashboard/report", { ...filters, page: 1 })} className={button.secondary}>
            Print report
          </IntentLink>
          {can(viewer.role, "teams.manage") && (
            <IntentLink href="/groups" className={button.quiet}>
              Arrange groups
            </IntentLink>
          )}
        </div>

        <DashboardAggregates view={view} startHint={allows(ctx.actor, "assessments.edit", { teamMember: true })} />

        {children.length > 0 && (
          <section aria-labelledby="groups-heading">
            <h2 id="groups-heading" className="text-lg font-semibold">
              Groups in {title}
            </h2>
            <ul className="mt-2 grid gap-3 sm:grid-cols-3">
              {children.map((child) => (
                <li key={child.id}>
                  <IntentLink
                    href={dashboardHref("/dashboard", { ...filters, group: child.id, page: 1 })}
                    className="block rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-wood-500"
                  >
                    <span className="font-semibold text-wood-900">{child.name}</span>
                    <span className="block text-sm text-stone-600">{teamsUnder(child.id)} teams</span>
                  </IntentLink>
                </li>
              ))}
            </ul>
          </section>
        )}

        <DeliverySpreadSection delivery={view.delivery} minTeams={view.series.privacy.minTeams} />

        <section aria-labelledby="heatmap-heading" className="space-y-2">
          <h2 id="heatmap-heading" className="text-lg font-semibold">
            Teams by area
          </h2>
          <p className="text-sm text-stone-600">
            Each team’s latest submitted assessment with this model; select a team for its trend. Sorted by {query.sort === "group" ? "group" : "name"}.
          </p>
          <TeamRowsNote
            teamResults={view.series.privacy.teamResults}
            seesEveryTeam={view.seesEveryTeam}
            aggregatesWithheld={view.series.withheld || view.series.quarters.some((q) => q.withheld)}
          />
          <HeatmapLegend scale={view.scale} digits={view.digits} />
          {heatmap.total === 0 && query.page > 1 ? (
            <p className={card}>
              There are fewer teams than page {query.page} would show.{" "}
              <IntentLink href={dashboardHref("/dashboard", { ...filters, page: 1 })} className="font-semibold text-wood-700 underline">
                Go to the first page
              </IntentLink>
              .
            </p>
          ) : heatmap.total === 0 ? (
            <p className={card}>{view.series.privacy.teamResults === "team" && !view.seesEveryTeam ? "None of your teams is here." : "No teams here yet."}</p>
          ) : (
            <>
              <HeatmapTable
                rows={heatmap.rows}
                areas={view.areas}
                groups={groups}
                scale={view.scale}
                digits={view.digits}
                currentQuarter={view.quarters.at(-1)!}
                caption={`Area scores of each team's latest assessment, teams ${first + 1} to ${first + heatmap.rows.length} of ${heatmap.total}`}
              />
              <Pager
                label="Heatmap pages"
                noun="Teams"
                page={query.page}
                pageSize={HEATMAP_PAGE_SIZE}
                shown={heatmap.rows.length}
                total={heatmap.total}
                href={(page) => dashboardHref("/dashboard", { ...filters, page })}
              />
            </>
          )}
        </section>
      </div>
    );
  },
  { message: (error) => <BadLink message={error.message} /> },
);

function BadLink({ message }: { message: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-wood-900">Dashboard</h1>
      <p className={card} role="alert">
        This link’s filters cannot be shown: {message}{" "}
        <IntentLink href="/dashboard" className="font-semibold text-wood-700 underline">
          Open the dashboard without them
        </IntentLink>
        .
      </p>
    </div>
  );
}
