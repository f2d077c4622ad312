import { radarGeometry, type RadarGeometry } from "@/lib/charts/radar-geometry";
import { formatScore } from "@/lib/format";
import type { AssessmentScore } from "@/lib/scoring";
import type { ScoreDigits } from "@/lib/model/scoring-rules";

/**
 * The area scores as a radar: a lopsided shape shows uneven investment. Pure SVG, drawn on the
 * server, twice: wide for a tablet's full-width card, narrow for a phone and for the laptop's
 * two-fifths column and on paper (about 340 px there, so its text is drawn at its own size). Where
 * the names don't fit around it, the spokes are numbered and a list under the chart names them.
 */
export function RadarChart({
  score,
  max,
  digits = 1,
}: {
  score: AssessmentScore;
  max: number;
  /** The decimals the model's scores are shown with. */ digits?: ScoreDigits;
}) {
  const wide = radarGeometry(score, max, { width: 460, height: 320, font: 14 });
  const narrow = radarGeometry(score, max, { width: 340, height: 320, font: 14 });
  const summary = score.areas.map((a) => `${a.name} ${formatScore(a.score, digits)}`).join(", ");
  const legend = [
    narrow.labels === "numbers" ? "block" : "hidden",
    wide.labels === "numbers" ? "sm:block" : "sm:hidden",
    narrow.labels === "numbers" ? "lg:block" : "lg:hidden",
    narrow.labels === "numbers" ? "print:block!" : "print:hidden!",
  ].join(" ");
  return (
    <figure>
      <RadarSvg g={wide} label={`Radar chart: ${summary}`} digits={digits} className="hidden h-auto w-full sm:block lg:hidden print:hidden!" />
      <RadarSvg g={narrow} label={`Radar chart: ${summary}`} digits={digits} className="h-auto w-full sm:hidden lg:block print:block!" />
      <figcaption className={legend}>
        <ol className="mt-2 grid gap-x-4 gap-y-0.5 text-sm text-stone-700 sm:grid-cols-2 lg:grid-cols-1 print:grid-cols-1" aria-label="Spokes">
          {score.areas.map((a, i) => {
            const weakest = score.weakest.includes(a.areaId);
            return (
              <li key={a.areaId} className={weakest ? "font-bold text-orange-800" : undefined}>
                <span className="inline-block w-6 text-right tabular-nums">{i + 1}</span> {a.name}{" "}
                <span className="tabular-nums">{formatScore(a.score, digits)}</span>
                {weakest && " (weakest)"}
              </li>
            );
          })}
        </ol>
      </figcaption>
    </figure>
  );
}

function RadarSvg({ g, label, digits, className }: { g: RadarGeometry; label: string; digits: ScoreDigits; className: string }) {
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className={className} role="img" aria-label={label} data-testid="radar">
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
          fontSize={g.font}
          fontWeight={s.weakest ? 700 : 500}
          fill={s.weakest ? "#9a3412" : "#292524"}
        >
          {g.labels === "names" ? (
            <>
              <tspan x={s.labelX}>{s.name}</tspan>
              <tspan x={s.labelX} dy={g.font * 1.3} fontWeight={700}>
                {formatScore(s.score, digits)}
              </tspan>
            </>
          ) : (
            s.number
          )}
        </text>
      ))}
    </svg>
  );
}
