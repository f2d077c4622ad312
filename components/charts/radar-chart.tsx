"use client";

import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart as RechartsRadar, ResponsiveContainer } from "recharts";

export type RadarDatum = { area: string; score: number };

export default function RadarChart({ data, max }: { data: RadarDatum[]; max: number }) {
  return (
    <div className="h-72 w-full" role="img" aria-label={`Radar chart: ${data.map((d) => `${d.area} ${d.score.toFixed(1)}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsRadar accessibilityLayer={false} data={data} outerRadius="62%" margin={{ top: 8, right: 40, bottom: 8, left: 40 }}>
          <PolarGrid stroke="#d6d3d1" />
          <PolarAngleAxis dataKey="area" tick={{ fontSize: 12, fill: "#292524" }} />
          <PolarRadiusAxis domain={[0, max]} tickCount={max + 1} tick={{ fontSize: 10, fill: "#57534e" }} angle={90} />
          <Radar dataKey="score" stroke="#7a4f22" strokeWidth={2} fill="#b07a3f" fillOpacity={0.35} isAnimationActive={false} />
        </RechartsRadar>
      </ResponsiveContainer>
    </div>
  );
}
