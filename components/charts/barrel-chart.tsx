import { useId } from "react";
import { formatScore } from "@/lib/format";
import type { ScoreMark, ScoreDigits } from "@/lib/model/scoring-rules";
import type { AssessmentScore } from "@/lib/scoring";
import { barrelGeometry, type BarrelGeometry } from "@/lib/charts/barrel-geometry";

/**
 * The barrel: one stave per area, as tall as its score, holding water up to the lowest stave,
 * which is highlighted and spills. Pure SVG, rendered on the server, drawn twice (wide and for a
 * phone) so its labels stay readable; CSS shows the one that fits the screen, and on paper, where
 * it shares a row with the radar, the narrow one (its text the larger there).
 */
export function BarrelChart({
  score,
  scale,
  digits = 1,
  compact = false,
}: {
  score: AssessmentScore;
  scale: readonly ScoreMark[];
  /** The decimals the model's scores are shown with. */
  digits?: ScoreDigits;
  compact?: boolean;
}) {
  const wide = barrelGeometry(score, scale, { width: 600, height: compact ? 280 : 360, labelledScale: !compact, digits });
  const narrow = barrelGeometry(score, scale, { width: 360, height: compact ? 260 : 300, labelledScale: false, narrow: true, digits });
  const summary = score.areas
    .map((a) => `${a.name} ${a.score === null ? "not scored" : formatScore(a.score, digits)}${score.weakest.includes(a.areaId) ? " (weakest)" : ""}`)
    .join(", ");
  const description = `${summary}. Water level ${formatScore(score.waterLevel, digits)}, spill ${formatScore(score.spill, digits)}.`;
  // Unique per barrel, so two barrels on one page never paint with each other's gradients.
  const id = useId();
  return (
    <figure className="w-full">
      <BarrelSvg
        g={wide}
        id={`${id}w`}
        description={description}
        digits={digits}
        valuesOnly={compact}
        className="hidden h-auto w-full max-w-2xl sm:block print:hidden!"
      />
      <BarrelSvg g={narrow} id={`${id}n`} description={description} digits={digits} valuesOnly className="h-auto w-full sm:hidden print:block!" />
    </figure>
  );
}

/**
 * The wood's grain: two lines a shade darker than the gradient where they run. Solid colours, not
 * translucent black: Chromium's PDF output drops every gradient after the first in a drawing that
 * has translucent strokes, which left the staves and the water blank on paper.
 */
const grain = (weakest: boolean) => (weakest ? ["#bc4b1d", "#b3461c"] : ["#aa7b46", "#a0713c"]);

function BarrelSvg({
  g,
  id,
  description,
  digits,
  valuesOnly,
  className,
}: {
  g: BarrelGeometry;
  id: string;
  description: string;
  digits: ScoreDigits;
  valuesOnly: boolean;
  className: string;
}) {
  const { labels } = g;
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className={className} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="barrel">
      <title id={`${id}-title`}>Barrel chart</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <linearGradient id={`${id}-wood`} x1="0" x2="1">
          <stop offset="0" stopColor="#9c6a34" />
          <stop offset="0.45" stopColor="#c89458" />
          <stop offset="1" stopColor="#8a5a28" />
        </linearGradient>
        <linearGradient id={`${id}-weak`} x1="0" x2="1">
          <stop offset="0" stopColor="#a3360a" />
          <stop offset="0.45" stopColor="#e0602a" />
          <stop offset="1" stopColor="#9a3412" />
        </linearGradient>
        <linearGradient id={`${id}-water`} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#5db3e0" stopOpacity="0.5" />
          <stop offset="1" stopColor="#145e88" stopOpacity="0.6" />
        </linearGradient>
      </defs>

      {g.gridLines.map((line) => (
        <g key={line.value}>
          <line x1={g.plot.left} x2={g.plot.right} y1={line.y} y2={line.y} stroke="#e7e5e4" strokeDasharray="3 4" />
          <text x={g.plot.left - 8} y={line.y + 4} textAnchor="end" fontSize={labels.small} fill="#57534e">
            {valuesOnly ? line.value : `${line.value} ${line.label}`}
          </text>
        </g>
      ))}

      {g.staves.map((s) =>
        s.height === null ? (
          <rect
            key={s.areaId}
            x={s.x}
            y={g.plot.top}
            width={s.width}
            height={g.plot.bottom - g.plot.top}
            rx="6"
            fill="none"
            stroke="#a8a29e"
            strokeDasharray="6 5"
          />
        ) : (
          <g key={s.areaId}>
            <path d={s.path} fill={s.weakest ? `url(#${id}-weak)` : `url(#${id}-wood)`} stroke={s.weakest ? "#7c2d12" : "#6b4420"} strokeWidth="1.5" />
            <line x1={s.x + s.width * 0.3} x2={s.x + s.width * 0.3} y1={s.top + 10} y2={g.plot.bottom - 4} stroke={grain(s.weakest)[0]} />
            <line x1={s.x + s.width * 0.72} x2={s.x + s.width * 0.72} y1={s.top + 14} y2={g.plot.bottom - 4} stroke={grain(s.weakest)[1]} />
          </g>
        ),
      )}

      {g.water && (
        <g>
          <path d={g.water.body} fill={`url(#${id}-water)`} />
          <path d={g.water.surface} fill="none" stroke="#e0f2fe" strokeWidth="2" strokeOpacity="0.9" />
          {g.water.spill && <path d={g.water.spill} fill="#2b8fc4" fillOpacity="0.75" />}
          {g.water.puddle && <ellipse {...g.water.puddle} fill="#2b8fc4" fillOpacity="0.5" />}
        </g>
      )}

      {g.staves
        .filter((s) => s.weakest && s.height !== null)
        .map((s) => (
          <path key={`outline-${s.areaId}`} d={s.path} fill="none" stroke="#c2410c" strokeWidth="3" />
        ))}

      {g.hoops.map((y) => (
        <rect key={y} x={g.barrel.left - 3} y={y} width={g.barrel.right - g.barrel.left + 6} height="7" rx="2" fill="#44403c" fillOpacity="0.85" />
      ))}

      {g.staves.map((s) => (
        <g key={`label-${s.areaId}`} fontWeight={s.weakest ? 700 : 500} fill={s.weakest ? "#9a3412" : "#292524"}>
          {labels.scoresAbove && s.height !== null && (
            <text
              x={s.x + s.width / 2}
              y={s.top - (s.weakest ? 12 : 8)}
              textAnchor="middle"
              fontSize={labels.scoreFont}
              fontWeight="700"
              fill={s.weakest ? "#9a3412" : "#3f2810"}
            >
              {formatScore(s.score, digits)}
            </text>
          )}
          {labels.mode === "upright" ? (
            <text transform={`translate(${s.x + s.width / 2 + labels.font / 3} ${g.plot.bottom + 10}) rotate(-90)`} textAnchor="end" fontSize={labels.font}>
              {s.labelLines[0]}
            </text>
          ) : (
            <>
              {s.labelLines.map((line, i) => (
                <text key={i} x={s.x + s.width / 2} y={g.plot.bottom + 20 + i * labels.lineHeight} textAnchor="middle" fontSize={labels.font}>
                  {line}
                </text>
              ))}
              {s.weakest && (
                <text
                  x={s.x + s.width / 2}
                  y={g.plot.bottom + 20 + s.labelLines.length * labels.lineHeight}
                  textAnchor="middle"
                  fontSize={labels.small}
                  fontWeight="500"
                >
                  weakest stave
                </text>
              )}
            </>
          )}
        </g>
      ))}

      {g.water && (
        <g>
          <line x1={g.barrel.right + 4} x2={g.barrel.right + 14} y1={g.water.y} y2={g.water.y} stroke="#145e88" strokeWidth="2" />
          <text fontSize={labels.small} fontWeight="700" fill="#145e88">
            {g.waterLabel.lines.map((line, i) => (
              <tspan key={i} x={g.waterLabel.x} y={g.water!.y - 2 + i * labels.lineHeight}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      )}
    </svg>
  );
}
