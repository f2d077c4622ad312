import { waterLevelGeometry, type QuarterLayout } from "@/lib/charts/quarter-geometry";
import type { QuarterFigures } from "@/lib/dashboard/aggregate";
import { formatScore } from "@/lib/format";
import { WATER_COLOUR } from "./area-colours";
import { GridLines, QuarterLabels, WideAndNarrow } from "./chart-parts";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

/**
 * The median water level across teams per quarter (bold line), the middle half of teams around it
 * (the interquartile band), and how many teams each quarter counts. Drawn on the server.
 */
export function WaterLevelChart({
  quarters,
  scale,
  digits = 1,
}: {
  quarters: readonly QuarterFigures[];
  scale: { min: number; max: number };
  digits?: ScoreDigits;
}) {
  const shown = quarters.filter((q) => q.waterLevel);
  const first = shown[0]?.waterLevel?.median;
  const last = shown.at(-1)?.waterLevel?.median;
  const label =
    shown.length === 0
      ? "No quarter has a median water level to show."
      : `Median water level per quarter, from ${formatScore(first, digits)} to ${formatScore(last, digits)}, with the interquartile band. The table below lists the figures.`;
  return (
    <figure className="space-y-2">
      <WideAndNarrow
        draw={(layout, className, tooltips) => (
          <WaterSvg quarters={quarters} scale={scale} digits={digits} layout={layout} label={label} className={className} tooltips={tooltips} />
        )}
      />
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-label="Legend">
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-1 w-5 rounded" style={{ background: WATER_COLOUR }} />
            <span className="font-semibold">Median water level</span>
          </li>
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-5 rounded-sm" style={{ background: WATER_COLOUR, opacity: 0.2 }} />
            Middle half of teams (interquartile range)
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

function WaterSvg({
  quarters,
  scale,
  digits,
  layout,
  label,
  className,
  tooltips,
}: {
  quarters: readonly QuarterFigures[];
  scale: { min: number; max: number };
  digits: ScoreDigits;
  layout: QuarterLayout;
  label: string;
  className: string;
  tooltips: boolean;
}) {
  const g = waterLevelGeometry(quarters, scale, layout);
  const narrow = g.points.length > 5 && layout.width < 500;
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className={className} role="img" aria-label={label} textAnchor="middle" fontSize={layout.font}>
      <GridLines lines={g.gridLines} plot={g.plot} font={layout.font} />
      {g.bands.map((d) => (
        <path key={d} d={d} fill={WATER_COLOUR} opacity={0.18} />
      ))}
      {g.lines.map((d) => (
        <path key={d} d={d} fill="none" stroke={WATER_COLOUR} strokeWidth={3} strokeLinejoin="round" />
      ))}
      <g fill="#fff" stroke={WATER_COLOUR} strokeWidth={2.5}>
        {g.points.map(
          (p) =>
            p.median && (
              <circle key={p.quarter} cx={p.x} cy={p.median.y} r={4.5}>
                {tooltips && <title>{`${p.label}: median ${formatScore(p.median.value, digits)} across ${p.teams} teams`}</title>}
              </circle>
            ),
        )}
      </g>
      <QuarterLabels quarters={g.points} bottom={g.plot.bottom} font={layout.font} everyOther={narrow} />
    </svg>
  );
}
