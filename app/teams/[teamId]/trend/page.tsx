import type { Metadata } from "next";
import { areaColour, WATER_COLOUR, WEAK_COLOUR } from "@/components/charts/area-colours";
import { TrendChart } from "@/components/charts/trend-chart";
import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import { getModelVersion } from "@/db/queries/model-versions";
import { listTeamScores } from "@/db/queries/scores";
import { formatScore } from "@/lib/format";
import { scaleBounds } from "@/lib/model/lookup";
import { shapeTrend, weakestCounts } from "@/lib/trend";
import { loadTeam } from "../load";

type Props = { params: Promise<{ teamId: string }> };

export const metadata: Metadata = { title: "Trend" };

export default async function TrendPage({ params }: Props) {
  const { ctx, team } = await loadTeam((await params).teamId);
  const submitted = await listTeamScores(ctx, team.id);
  const trend = shapeTrend(submitted);
  const models = await Promise.all([...new Set(submitted.map((s) => s.modelVersionId))].map((id) => getModelVersion(ctx.db, id)));
  const scaleTops = models.flatMap((m) => (m ? [scaleBounds(m).max] : []));
  const max = scaleTops.length > 0 ? Math.max(...scaleTops) : 5;
  const counts = weakestCounts(trend);
  const nameOf = (id: string) => trend.areas.find((a) => a.areaId === id)?.name ?? id;
  const first = trend.points[0];
  const last = trend.points.at(-1);

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">Teams</IntentLink> /{" "}
          <IntentLink href={`/teams/${team.id}`} className="hover:underline">{team.name}</IntentLink> /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">{team.name}: trend</h1>
        {first && last && (
          <p className="mt-1 text-stone-700" data-testid="trend-summary">
            {trend.points.length} submitted assessment{trend.points.length === 1 ? "" : "s"}. Water level{" "}
            {formatScore(first.waterLevel)} → {formatScore(last.waterLevel)}. Most often the weakest stave:{" "}
            {Object.entries(counts)
              .filter(([, n]) => n > 0)
              .sort((a, b) => b[1] - a[1])
              .map(([id, n]) => `${nameOf(id)} (${n}×)`)
              .join(", ")}
            .
          </p>
        )}
      </div>

      {trend.points.length === 0 ? (
        <p className={card}>No submitted assessments yet. The trend appears after the first one.</p>
      ) : (
        <>
          <section className={card} aria-labelledby="chart-heading">
            <h2 id="chart-heading" className="text-lg font-semibold">Areas and water level over time</h2>
            <p className="mb-3 text-sm text-stone-600">
              <span className="font-semibold" style={{ color: WATER_COLOUR }}>Bold blue</span>: the water level.{" "}
              <span className="font-semibold" style={{ color: WEAK_COLOUR }}>Ringed dots</span> on it take the colour of
              the weakest stave at each assessment, and name it. The table below has the same figures.
            </p>
            <TrendChart trend={trend} max={max} />
          </section>

          <section aria-labelledby="table-heading">
            <h2 id="table-heading" className="text-lg font-semibold">The figures</h2>
            <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Area scores, water level and weakest stave per assessment</caption>
                <thead className="bg-stone-100 text-stone-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">Submitted</th>
                    {trend.areas.map((a, i) => (
                      <th scope="col" key={a.areaId} className="px-3 py-2">
                        <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: areaColour(i) }} />
                        {a.name}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2">Water level</th>
                    <th scope="col" className="px-3 py-2">Weakest stave</th>
                    <th scope="col" className="px-3 py-2">Spill</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {trend.points.map((p) => (
                    <tr key={p.assessmentId}>
                      <th scope="row" className="px-3 py-2 font-medium">
                        <IntentLink href={`/teams/${team.id}/assessments/${p.assessmentId}/results`} className="text-wood-700 hover:underline">
                          {p.label}
                        </IntentLink>
                        {p.modelChanged && <span className="block text-xs text-stone-600">new model: {p.modelVersion}</span>}
                      </th>
                      {trend.areas.map((a) => (
                        <td key={a.areaId} className={`px-3 py-2 ${p.weakest.includes(a.areaId) ? "font-bold text-weak-700" : ""}`}>
                          {formatScore(p.areas[a.areaId])}
                        </td>
                      ))}
                      <td className="px-3 py-2 font-bold text-water-700">{formatScore(p.waterLevel)}</td>
                      <td className="px-3 py-2">{p.weakest.map(nameOf).join(", ") || "–"}</td>
                      <td className="px-3 py-2">{formatScore(p.spill)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
