"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Trend } from "@/lib/trend";
import { areaColour, WATER_COLOUR, WEAK_COLOUR } from "./area-colours";

type DotProps = { cx?: number; cy?: number; index?: number };

/** Every area as a faint line, the water level in bold, and a ring on the weakest area at each point. */
export default function TrendChart({ trend, max }: { trend: Trend; max: number }) {
  const data = trend.points.map((p) => ({ label: p.label, water: p.waterLevel, ...p.areas }));
  const weakDot = (areaId: string) =>
    function WeakDot({ cx, cy, index }: DotProps) {
      const point = index === undefined ? undefined : trend.points[index];
      if (cx === undefined || cy === undefined || !point?.weakest.includes(areaId)) return <g key={`${areaId}-${index}`} />;
      return <circle key={`${areaId}-${index}`} cx={cx} cy={cy} r={6} fill="white" stroke={WEAK_COLOUR} strokeWidth={3} />;
    };

  return (
    <div
      className="h-80 w-full sm:h-96"
      role="img"
      aria-label={`Line chart of ${trend.points.length} assessments: each area's score and the water level over time. The table below lists the same figures.`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 16, right: 16, bottom: 8, left: -8 }}>
          <CartesianGrid stroke="#e7e5e4" strokeDasharray="3 4" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#44403c" }} />
          <YAxis domain={[0, max]} ticks={Array.from({ length: max + 1 }, (_, i) => i)} tick={{ fontSize: 11, fill: "#44403c" }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? v.toFixed(1) : String(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {trend.points
            .filter((p) => p.modelChanged)
            .map((p) => (
              <ReferenceLine key={p.assessmentId} x={p.label} stroke="#78716c" strokeDasharray="4 3" label={{ value: p.modelVersion, fontSize: 10, position: "insideTopRight" }} />
            ))}
          {trend.areas.map((a, i) => (
            <Line
              key={a.areaId}
              type="monotone"
              dataKey={a.areaId}
              name={a.name}
              stroke={areaColour(i)}
              strokeOpacity={0.45}
              strokeWidth={1.5}
              dot={weakDot(a.areaId)}
              activeDot={{ r: 4 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <Line type="monotone" dataKey="water" name="Water level" stroke={WATER_COLOUR} strokeWidth={4} dot={{ r: 3, fill: WATER_COLOUR }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
