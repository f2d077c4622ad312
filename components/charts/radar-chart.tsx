import { radarGeometry } from "@/lib/charts/radar-geometry";
import { formatScore } from "@/lib/format";
import type { AssessmentScore } from "@/lib/scoring";

/** The area scores as a radar: a lopsided shape shows uneven investment. Pure SVG, drawn on the server. */
export function RadarChart({ score, max }: { score: AssessmentScore; max: number }) {
  const g = radarGeometry(score, max);
  const summary = score.areas.map((a) => `${a.name} ${formatScore(a.score)}`).join(", ");
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className="h-auto w-full" role="img" aria-label={`Radar chart: ${summary}`}>
      {g.rings.map((ring) => (
        <polygon key={ring.value} points={ring.points} fill="none" stroke="#d6d3d1" />
      ))}
      {g.spokes.map((s) => (
        <line key={s.areaId} x1={g.centre.x} y1={g.centre.y} x2={s.x} y2={s.y} stroke="#d6d3d1" />
      ))}
      {g.rings.map((ring) => (
        <text key={ring.value} x={g.centre.x + 4} y={ring.labelY} fontSize={11} fill="#57534e">
          {ring.value}
        </text>
      ))}
      <polygon points={g.shape} fill="#b07a3f" fillOpacity={0.35} stroke="#7a4f22" strokeWidth={2} />
      {g.spokes.map((s) => (
        <text
          key={s.areaId}
          x={s.labelX}
          y={s.labelY}
          textAnchor={s.anchor}
          fontSize={14}
          fontWeight={s.weakest ? 700 : 500}
          fill={s.weakest ? "#9a3412" : "#292524"}
        >
          <tspan x={s.labelX}>{s.name}</tspan>
          <tspan x={s.labelX} dy={18} fontWeight={700}>
            {formatScore(s.score)}
          </tspan>
        </text>
      ))}
    </svg>
  );
}
