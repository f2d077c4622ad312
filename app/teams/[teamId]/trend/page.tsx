import type { Metadata } from "next";
import { areaColour, WATER_COLOUR, WEAK_COLOUR } from "@/components/charts/area-colours";
import { TrendChart } from "@/components/charts/trend-chart";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { targetTitle } from "@/lib/charts/trend-geometry";
import { formatDate, formatScore } from "@/lib/format";
import { tableRows } from "@/lib/trend";
import { page } from "@/server/page";
import { teamDeliveryView } from "@/views/team-delivery";
import { trendView } from "@/views/trend";
import { AddAnnotationForm, RemoveAnnotationButton } from "./_components/annotation-forms";
import { DeliveryTable } from "./_components/delivery-table";

type Props = { params: Promise<{ teamId: string }> };

export const metadata: Metadata = { title: "Trend" };

export default page(async ({ ctx }, { params }: Props) => {
  const { teamId } = await params;
  const [{ trend: team, screen }, delivery] = await Promise.all([trendView(ctx, teamId), teamDeliveryView(ctx, teamId)]);
  const { chart: trend, canEdit, max, min, digits } = screen;
  const nameOf = (id: string) => trend.areas.find((a) => a.areaId === id)?.name ?? id;
  const withRespondents = trend.points.some((p) => p.respondents);
  const first = trend.points[0];
  const last = trend.points.at(-1);

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">
            Teams
          </IntentLink>{" "}
          /{" "}
          <IntentLink href={`/teams/${team.teamId}`} className="hover:underline">
            {team.teamName}
          </IntentLink>{" "}
          /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">{team.teamName}: trend</h1>
        {first && last && (
          <p className="mt-1 text-stone-700" data-testid="trend-summary">
            {trend.points.length} submitted assessment{trend.points.length === 1 ? "" : "s"}. Water level {formatScore(first.waterLevel, digits)} →{" "}
            {formatScore(last.waterLevel, digits)}. Most often the weakest stave: {screen.mostOftenWeakest}.
          </p>
        )}
      </div>

      {trend.points.length === 0 ? (
        <p className={card} data-testid="no-trend-yet">
          Each area and the water level over time appear here once the team submits its first assessment
          {canEdit ? (
            <>
              : start one on{" "}
              <IntentLink href={`/teams/${team.teamId}`} className="font-semibold text-wood-700 underline">
                the team’s page
              </IntentLink>
              .
            </>
          ) : (
            "."
          )}
        </p>
      ) : (
        <>
          <section className={card} aria-labelledby="chart-heading">
            <h2 id="chart-heading" className="text-lg font-semibold">
              Areas and water level over time
            </h2>
            <p className="mb-3 text-sm text-stone-600">
              <span className="font-semibold" style={{ color: WATER_COLOUR }}>
                Bold blue
              </span>
              : the water level.{" "}
              <span className="font-semibold" style={{ color: WEAK_COLOUR }}>
                Ringed dots
              </span>{" "}
              on it take the colour of the weakest stave at each assessment, named where it changes. The table below has the same figures.
            </p>
            <TrendChart trend={trend} scale={{ min, max, digits }} />
          </section>

          <section aria-labelledby="table-heading">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="table-heading" className="text-lg font-semibold">
                The figures
              </h2>
              <a href={`/teams/${team.teamId}/trend/export`} className={`${button.quiet} no-print`} download>
                Trend as CSV
              </a>
            </div>
            <div className="relative mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Area scores, water level and weakest stave per assessment</caption>
                <thead className="bg-stone-100 text-stone-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      Submitted
                    </th>
                    {trend.areas.map((a, i) => (
                      <th scope="col" key={a.areaId} className="px-3 py-2">
                        <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: areaColour(i) }} />
                        {a.name}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2">
                      Water level
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Weakest stave
                    </th>
                    <th scope="col" className="px-3 py-2">
                      Spill
                    </th>
                    {withRespondents && (
                      <th scope="col" className="px-3 py-2">
                        Respondents (range on the weakest stave)
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {tableRows(trend).map((row) =>
                    row.kind === "note" ? (
                      <tr key={row.note.id} className="bg-stone-50">
                        <th scope="row" className="px-3 py-2 font-medium">
                          {formatDate(row.note.on)}
                        </th>
                        <td colSpan={trend.areas.length + (withRespondents ? 4 : 3)} className="px-3 py-2">
                          <span
                            className="mr-2 inline-flex h-5 w-5 items-center justify-center rounded-full border border-stone-600 text-xs font-semibold"
                            aria-hidden="true"
                          >
                            {row.number}
                          </span>
                          <span className="font-medium">Note {row.number}:</span> {row.note.text}
                          {canEdit && <RemoveAnnotationButton annotationId={row.note.id} text={row.note.text} />}
                        </td>
                      </tr>
                    ) : (
                      <tr key={row.point.assessmentId}>
                        <th scope="row" className="px-3 py-2 font-medium">
                          <IntentLink href={`/teams/${team.teamId}/assessments/${row.point.assessmentId}/results`} className="text-wood-700 hover:underline">
                            {row.point.label}
                          </IntentLink>
                          {row.point.modelChange && (
                            <span className="block text-xs text-stone-600" data-testid="model-change">
                              Model changed: {row.point.modelChange}
                            </span>
                          )}
                        </th>
                        {trend.areas.map((a) => (
                          <td key={a.areaId} className={`px-3 py-2 ${row.point.weakest.includes(a.areaId) ? "font-bold text-weak-700" : ""}`}>
                            {formatScore(row.point.areas[a.areaId], digits)}
                          </td>
                        ))}
                        <td className="px-3 py-2 font-bold text-water-700">{formatScore(row.point.waterLevel, digits)}</td>
                        <td className="px-3 py-2">{row.point.weakest.map(nameOf).join(", ") || "–"}</td>
                        <td className="px-3 py-2">{formatScore(row.point.spill, digits)}</td>
                        {withRespondents && (
                          <td className="px-3 py-2" data-testid="respondents-cell">
                            {row.point.respondents
                              ? `${row.point.respondents.count}${row.point.respondents.count > 1 && row.point.respondents.low !== null ? ` (${formatScore(row.point.respondents.low, digits)} to ${formatScore(row.point.respondents.high, digits)})` : ""}`
                              : "–"}
                          </td>
                        )}
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          </section>

          {trend.targets.length > 0 && (
            <section aria-labelledby="targets-heading">
              <h2 id="targets-heading" className="text-lg font-semibold">
                Targets
              </h2>
              <ul className="mt-2 divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white text-sm">
                {trend.targets.map((t) => (
                  <li key={t.assessmentId} className="px-3 py-2" data-testid="trend-target">
                    {targetTitle(t, digits)}.{" "}
                    <IntentLink href={`/teams/${team.teamId}/assessments/${t.assessmentId}/results#plan`} className="font-medium text-wood-700 underline">
                      Its actions
                    </IntentLink>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      <DeliveryTable delivery={delivery} />

      {canEdit && (
        <section className={`${card} space-y-2`} aria-labelledby="note-heading">
          <h2 id="note-heading" className="text-lg font-semibold">
            Add a note to the trend
          </h2>
          <p className="text-sm text-stone-600">Mark what changed around the team, so a jump or a dip on the chart explains itself later.</p>
          <AddAnnotationForm teamId={team.teamId} today={screen.today} />
        </section>
      )}
    </div>
  );
});
