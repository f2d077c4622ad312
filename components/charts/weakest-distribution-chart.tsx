import { distributionGeometry, type QuarterLayout } from "@/lib/charts/quarter-geometry";
import type { QuarterFigures } from "@/lib/dashboard/aggregate";
import { formatPercent } from "@/lib/format";
import { formatFixed } from "@/lib/round";
import { areaColour } from "./area-colours";
import { GridLines, QuarterLabels, WideAndNarrow } from "./chart-parts";

type Area = { areaId: string; name: string };

/**
 * Which area holds teams back, quarter by quarter: each bar is 100 % of the weakest staves counted
 * that quarter, split by area in model order. Drawn on the server; the table beside it has the figures.
 */
export function WeakestDistributionChart({ quarters, areas }: { quarters: readonly QuarterFigures[]; areas: readonly Area[] }) {
  const label = `Share of each area among the weakest staves, per quarter, from ${quarters.length} quarters. The table below lists the counts.`;
  return (
    <figure className="space-y-2">
      <WideAndNarrow
        draw={(layout, className, tooltips) => (
          <DistributionSvg quarters={quarters} areas={areas} layout={layout} label={label} className={className} tooltips={tooltips} />
        )}
      />
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-label="Legend">
          {areas.map((a, i) => (
            <li key={a.areaId} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: areaColour(i) }} />
              {a.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function DistributionSvg({
  quarters,
  areas,
  layout,
  label,
  className,
  tooltips,
}: {
  quarters: readonly QuarterFigures[];
  areas: readonly Area[];
  layout: QuarterLayout;
  label: string;
  className: string;
  tooltips: boolean;
}) {
  const g = distributionGeometry(
    quarters,
    areas.map((a) => a.areaId),
    layout,
  );
  const colourOf = new Map(areas.map((a, i) => [a.areaId, areaColour(i)]));
  const nameOf = new Map(areas.map((a) => [a.areaId, a.name]));
  const narrow = g.bars.length > 0 && g.bars[0]!.width < 30;
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className={className} role="img" aria-label={label} textAnchor="middle" fontSize={layout.font}>
      <GridLines lines={g.gridLines} plot={g.plot} font={layout.font} suffix=" %" dashed={false} />
      <g stroke="#fff" strokeWidth={1}>
        {g.bars.flatMap((bar) =>
          bar.segments.map((s) => (
            <rect key={`${bar.quarter}-${s.areaId}`} x={bar.x} y={s.y} width={bar.width} height={s.height} fill={colourOf.get(s.areaId)}>
              {tooltips && <title>{`${bar.label}: ${nameOf.get(s.areaId)} ${formatPercent(s.share)} (${s.count} of ${bar.teams} teams)`}</title>}
            </rect>
          )),
        )}
      </g>
      {!narrow && (
        <g fill="#fff" fontSize={layout.font - 1}>
          {g.bars.flatMap((bar) =>
            bar.segments
              .filter((s) => s.height >= layout.font + 4)
              .map((s) => (
                <text key={`${bar.quarter}-${s.areaId}`} x={bar.centre} y={s.labelY}>
                  {formatFixed(s.share, 0)}
                </text>
              )),
          )}
        </g>
      )}
      <g fill="#57534e" fontSize={layout.font - 1}>
        {g.bars
          .filter((bar) => bar.state !== "shown")
          .map((bar) => (
            <text key={bar.quarter} x={bar.centre} y={g.plot.bottom - 8}>
              {bar.state === "withheld" ? "hidden" : "none"}
            </text>
          ))}
      </g>
      <QuarterLabels quarters={g.bars.map((bar) => ({ ...bar, x: bar.centre }))} bottom={g.plot.bottom} font={layout.font} everyOther={narrow} />
    </svg>
  );
}
