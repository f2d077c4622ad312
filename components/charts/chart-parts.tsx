import type { ReactNode } from "react";
import type { QuarterLayout } from "@/lib/charts/quarter-geometry";

// Pieces the server-drawn charts share. Shared presentation attributes sit on groups rather than
// on every mark, so a chart's HTML (and the page payload that repeats it) stays small.

const WIDE: QuarterLayout = { width: 720, height: 280, font: 12 };
const NARROW: QuarterLayout = { width: 380, height: 260, font: 13 };

/**
 * A chart drawn twice, wide and narrow, so its text stays readable on a phone; CSS shows the one
 * that fits the screen. Only the wide drawing carries hover tooltips (`tooltips`): phones have no
 * hover, and the table beside every chart has the figures.
 */
export function WideAndNarrow({ draw }: { draw: (layout: QuarterLayout, className: string, tooltips: boolean) => ReactNode }) {
  return (
    <>
      {draw(WIDE, "hidden h-auto w-full sm:block", true)}
      {draw(NARROW, "h-auto w-full sm:hidden", false)}
    </>
  );
}

/** Horizontal grid lines across the plot, each labelled with its value on the left. */
export function GridLines({
  lines,
  plot,
  font,
  suffix = "",
  dashed = true,
}: {
  lines: readonly { value: number; y: number }[];
  plot: { left: number; right: number };
  font: number;
  suffix?: string;
  dashed?: boolean;
}) {
  return (
    <>
      <g stroke="#e7e5e4" strokeDasharray={dashed ? "3 4" : undefined}>
        {lines.map((line) => (
          <line key={line.value} x1={plot.left} x2={plot.right} y1={line.y} y2={line.y} />
        ))}
      </g>
      <g textAnchor="end" fontSize={font} fill="#44403c">
        {lines.map((line) => (
          <text key={line.value} x={plot.left - 8} y={line.y + 4}>{`${line.value}${suffix}`}</text>
        ))}
      </g>
    </>
  );
}

/**
 * Under the plot: each quarter's name and, below it, how many teams it counts. `everyOther`: a
 * narrow chart labels every other quarter, always the latest.
 */
export function QuarterLabels({
  quarters: all,
  bottom,
  font,
  everyOther,
}: {
  quarters: readonly { quarter: number; x: number; label: string; teams: number }[];
  bottom: number;
  font: number;
  everyOther: boolean;
}) {
  const quarters = all.filter((_, i) => !everyOther || i % 2 === (all.length - 1) % 2);
  return (
    <>
      <g fill="#44403c">
        {quarters.map((q) => (
          <text key={q.quarter} x={q.x} y={bottom + 18}>
            {q.label}
          </text>
        ))}
      </g>
      <g fill="#57534e" fontSize={font - 2}>
        {quarters.map((q) => (
          <text key={q.quarter} x={q.x} y={bottom + 34}>{`n=${q.teams}`}</text>
        ))}
      </g>
    </>
  );
}
