import { formatScore } from "@/lib/format";
import { trendGeometry, weakestNames, type TrendScale } from "@/lib/charts/trend-geometry";
import type { Trend } from "@/lib/trend";
import { areaColour, MISSED_COLOUR, REACHED_COLOUR, WATER_COLOUR, WEAK_COLOUR } from "./area-colours";
import { trendChartLabel } from "./trend-chart-label";
import { TrendExplorer } from "./trend-explorer";
import { GridLines } from "./chart-parts";

// Drawn twice, wide and narrow, so its text stays readable on a phone; CSS shows the one that fits.
const WIDE = { width: 720, height: 340, maxTicks: 10, font: 12, names: true };
const NARROW = { width: 400, height: 300, maxTicks: 4, font: 15, names: false };

/**
 * Every area as a faint line and the water level in bold. Each dot on the water line takes the
 * colour of the area that was the weakest stave there, and names it. Drawn on the server, so it
 * is there with the page; the interactive version loads when someone reaches for it.
 */
export function TrendChart({ trend, scale }: { trend: Trend; scale: TrendScale }) {
  return (
    <figure className="space-y-3">
      <TrendExplorer trend={trend} scale={scale}>
        <TrendSvg trend={trend} scale={scale} layout={WIDE} className="hidden h-auto w-full sm:block" />
        <TrendSvg trend={trend} scale={scale} layout={NARROW} className="h-auto w-full sm:hidden" />
      </TrendExplorer>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-label="Legend">
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-1 w-5 rounded" style={{ background: WATER_COLOUR }} />
            <span className="font-semibold">Water level</span>
          </li>
          {trend.targets.length > 0 && (
            <li className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block w-5 border-t-[3px] border-dashed" style={{ borderColor: WATER_COLOUR }} />
              Target (<span style={{ color: REACHED_COLOUR }}>✓ reached</span>, <span style={{ color: MISSED_COLOUR }}>✕ missed</span>)
            </li>
          )}
          {trend.points.some((p) => p.respondents && p.respondents.count > 1) && (
            <li className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block h-4 w-2 border-y-2 border-x-0 border-solid"
                style={{ borderColor: WATER_COLOUR, background: `linear-gradient(${WATER_COLOUR}, ${WATER_COLOUR}) center / 2px 100% no-repeat` }}
              />
              Respondents&apos; range on the weakest stave
            </li>
          )}
          {trend.annotations.length > 0 && (
            <li className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-flex h-4 w-4 items-center justify-center rounded-full border border-stone-600 text-[10px] font-semibold"
              >
                1
              </span>
              Notes, listed in the table
            </li>
          )}
          {trend.areas.map((a, i) => (
            <li key={a.areaId} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-0.5 w-5 rounded" style={{ background: areaColour(i) }} />
              {a.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function TrendSvg({ trend, scale, layout, className }: { trend: Trend; scale: TrendScale; layout: typeof WIDE; className: string }) {
  const g = trendGeometry(trend, scale, layout);
  const colourOf = new Map(trend.areas.map((a, i) => [a.areaId, areaColour(i)]));
  const nameOf = new Map(trend.areas.map((a) => [a.areaId, a.name]));
  const showNames = layout.names && trend.points.length <= 12;
  const small = layout.font - 2;
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className={className} role="img" aria-label={trendChartLabel(trend)}>
      <GridLines lines={g.gridLines} plot={g.plot} font={layout.font} />
      {g.ticks.map((tick) => (
        <text key={tick.x} x={tick.x} y={g.plot.bottom + 22} textAnchor="middle" fontSize={layout.font} fill="#44403c">
          {tick.label}
        </text>
      ))}
      {g.modelChanges.map((change) => (
        <g key={change.x}>
          <line x1={change.x} x2={change.x} y1={g.plot.top} y2={g.plot.bottom} stroke="#78716c" strokeDasharray="4 3" />
          <text x={change.x + 4} y={g.plot.top + 10} fontSize={small} fill="#57534e">
            {change.label}
          </text>
        </g>
      ))}
      {g.areaLines.map((line) => (
        <path key={line.areaId} d={line.path} fill="none" stroke={areaColour(line.index)} strokeOpacity={0.5} strokeWidth={1.5} />
      ))}
      <path d={g.water.path} fill="none" stroke={WATER_COLOUR} strokeWidth={4} strokeLinejoin="round" />
      {g.annotations.map((note) => (
        <g key={note.id}>
          <title>{note.title}</title>
          <line x1={note.x} x2={note.x} y1={g.plot.top} y2={g.plot.bottom} stroke="#57534e" strokeDasharray="1 3" />
          <circle cx={note.x} cy={g.plot.top - 6} r={layout.font - 3} fill="#fff" stroke="#57534e" />
          <text x={note.x} y={g.plot.top - 6} dy="0.35em" textAnchor="middle" fontSize={small} fontWeight={600} fill="#292524">
            {note.number}
          </text>
        </g>
      ))}
      {g.targets.map((target) => (
        <g key={target.assessmentId}>
          <title>{target.title}</title>
          <line x1={target.from.x} y1={target.from.y} x2={target.to.x} y2={target.to.y} stroke={WATER_COLOUR} strokeWidth={2.5} strokeDasharray="7 5" />
          <circle cx={target.to.x} cy={target.to.y} r={5} fill="#fff" stroke={WATER_COLOUR} strokeWidth={2} />
          {target.outcome.state === "reached" && (
            <g>
              <circle cx={target.outcome.x} cy={target.outcome.y} r={12} fill="none" stroke={REACHED_COLOUR} strokeWidth={2.5} />
              <text x={target.outcome.x} y={target.outcome.y - 16} textAnchor="middle" fontSize={small} fontWeight={700} fill={REACHED_COLOUR}>
                ✓ target
              </text>
            </g>
          )}
          {target.outcome.state === "missed" && (
            <text x={target.outcome.x} y={target.outcome.y - 10} textAnchor="middle" fontSize={small} fontWeight={700} fill={MISSED_COLOUR}>
              ✕ missed
            </text>
          )}
        </g>
      ))}
      {g.water.dots.map((dot) => (
        <g key={dot.assessmentId}>
          <circle cx={dot.x} cy={dot.y} r={7} fill={dot.weakest ? colourOf.get(dot.weakest) : WATER_COLOUR} stroke={WEAK_COLOUR} strokeWidth={2.5}>
            <title>{`${dot.label}: water level ${formatScore(dot.waterLevel, scale.digits)}${dot.weakest ? `, weakest stave ${nameOf.get(dot.weakest)}` : ""}`}</title>
          </circle>
          {dot.range && (
            <g stroke="#0c4a6e" strokeWidth={2} data-testid="respondent-range">
              <title>{dot.range.title}</title>
              <line x1={dot.x} x2={dot.x} y1={dot.range.y1} y2={dot.range.y2} />
              <line x1={dot.x - 7} x2={dot.x + 7} y1={dot.range.y1} y2={dot.range.y1} />
              <line x1={dot.x - 7} x2={dot.x + 7} y1={dot.range.y2} y2={dot.range.y2} />
            </g>
          )}
        </g>
      ))}
      {showNames &&
        weakestNames(g.water.dots, (id) => nameOf.get(id) ?? id, small).map((name) => (
          <text key={name.assessmentId} x={name.x} y={name.y} textAnchor="middle" fontSize={small} fontWeight={600} fill={colourOf.get(name.areaId)}>
            {nameOf.get(name.areaId)}
          </text>
        ))}
    </svg>
  );
}
