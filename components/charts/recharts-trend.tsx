"use client";

import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisSpan, targetTitle, type TrendScale } from "@/lib/charts/trend-geometry";
import { formatScore } from "@/lib/format";
import type { Trend } from "@/lib/trend";
import { areaColour, MISSED_COLOUR, REACHED_COLOUR, WATER_COLOUR, WEAK_COLOUR } from "./area-colours";
import { TREND_ASPECT, trendChartLabel } from "./trend-chart-label";

type DotProps = { cx?: number; cy?: number; index?: number };

/**
 * The trend chart's interactive version (values at every point on hover or touch), drawn to match
 * the server-rendered one it replaces; loaded only when someone reaches for the chart.
 */
export default function RechartsTrend({ trend, scale }: { trend: Trend; scale: TrendScale }) {
  // Along the same time axis as the server-drawn chart: assessment i at slot i, dates in between,
  // and assessments of one day drawn close together, not a whole step apart.
  const { axis, lo, hi } = axisSpan(trend);
  const data = trend.points.map((p, slot) => ({ x: axis(slot), label: p.label, water: p.waterLevel, ...p.areas }));
  const labelAt = new Map(data.map((d) => [d.x, d.label]));
  const labelOf = (x: number) => labelAt.get(x) ?? "";
  // One tick per day: the same day's assessments share their date.
  const ticks = data.filter((d, i) => d.label !== data[i - 1]?.label).map((d) => d.x);
  const colourOf = new Map(trend.areas.map((a, i) => [a.areaId, areaColour(i)]));
  const nameOf = new Map(trend.areas.map((a) => [a.areaId, a.name]));
  const showNames = trend.points.length <= 12;
  function WeakestDot({ cx, cy, index }: DotProps) {
    const primary = index === undefined ? undefined : trend.points[index]?.weakest[0];
    if (cx === undefined || cy === undefined || !primary) return <g key={index} />;
    return (
      <g key={index}>
        <circle cx={cx} cy={cy} r={7} fill={colourOf.get(primary)} stroke={WEAK_COLOUR} strokeWidth={2.5} />
        {showNames && primary !== trend.points[index! - 1]?.weakest[0] && (
          <text x={cx} y={cy + 20} textAnchor="middle" fontSize={10} fontWeight={600} fill={colourOf.get(primary)}>
            {nameOf.get(primary)}
          </text>
        )}
      </g>
    );
  }

  return (
    <div className="w-full" role="img" aria-label={trendChartLabel(trend)}>
      <ResponsiveContainer width="100%" aspect={TREND_ASPECT}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 20, right: 24, bottom: 24, left: 0 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 4" />
          <XAxis dataKey="x" type="number" domain={[lo - 0.25, hi + 0.25]} ticks={ticks} tickFormatter={labelOf} tick={{ fontSize: 11, fill: "#44403c" }} />
          <YAxis
            domain={[scale.min, scale.max]}
            ticks={Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i)}
            tick={{ fontSize: 11, fill: "#44403c" }}
          />
          <Tooltip labelFormatter={(x) => labelOf(Number(x))} formatter={(v) => (typeof v === "number" ? formatScore(v, scale.digits) : String(v))} />
          {trend.annotations.map((a, i) => (
            <ReferenceLine key={a.id} x={axis(a.slot)} stroke="#57534e" strokeDasharray="1 3" label={{ value: String(i + 1), fontSize: 11, position: "top" }} />
          ))}
          {trend.points
            .map((p, slot) => ({ p, slot }))
            .filter(({ p }) => p.modelChanged)
            .map(({ p, slot }) => (
              <ReferenceLine
                key={p.assessmentId}
                x={axis(slot)}
                stroke="#78716c"
                strokeDasharray="4 3"
                label={{ value: p.modelVersion, fontSize: 10, position: "insideTopRight" }}
              />
            ))}
          {trend.areas.map((a, i) => (
            <Line
              key={a.areaId}
              type="linear"
              dataKey={a.areaId}
              name={a.name}
              stroke={areaColour(i)}
              strokeOpacity={0.45}
              strokeWidth={1.5}
              dot={false}
              activeDot={{ r: 4 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <Line type="linear" dataKey="water" name="Water level" stroke={WATER_COLOUR} strokeWidth={4} dot={WeakestDot} isAnimationActive={false} />
          {trend.points.map((p, slot) =>
            p.respondents && p.respondents.count > 1 && p.respondents.low !== null && p.respondents.high !== null ? (
              <ReferenceLine
                key={`${p.assessmentId}-range`}
                segment={[
                  { x: axis(slot), y: p.respondents.low },
                  { x: axis(slot), y: p.respondents.high },
                ]}
                stroke="#0c4a6e"
                strokeWidth={2}
              />
            ) : null,
          )}
          {trend.targets.map((t) => (
            <Line
              key={t.assessmentId}
              data={[
                { x: axis(t.fromSlot), target: t.fromScore },
                { x: axis(t.slot), target: t.level },
              ]}
              dataKey="target"
              name={targetTitle(t, scale.digits)}
              stroke={WATER_COLOUR}
              strokeWidth={2.5}
              strokeDasharray="7 5"
              dot={false}
              activeDot={false}
              legendType="none"
              tooltipType="none"
              isAnimationActive={false}
            />
          ))}
          {trend.targets.map((t) =>
            t.outcome.state === "reached" ? (
              <ReferenceDot
                key={`${t.assessmentId}-outcome`}
                x={axis(t.outcome.slot)}
                y={t.outcome.score}
                r={12}
                fill="none"
                stroke={REACHED_COLOUR}
                strokeWidth={2.5}
                label={{ value: "✓ target", position: "top", fill: REACHED_COLOUR, fontSize: 11, fontWeight: 700 }}
              />
            ) : t.outcome.state === "missed" ? (
              <ReferenceDot
                key={`${t.assessmentId}-outcome`}
                x={axis(t.slot)}
                y={t.level}
                r={4}
                fill={MISSED_COLOUR}
                stroke="none"
                label={{ value: "✕ missed", position: "top", fill: MISSED_COLOUR, fontSize: 11, fontWeight: 700 }}
              />
            ) : null,
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
