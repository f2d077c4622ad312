import type { ReactNode } from "react";
import type { QuarterLayout } from "@/lib/charts/quarter-geometry";

// Pieces the server-drawn charts share.

const WIDE: QuarterLayout = { width: 720, height: 280, font: 12 };
const NARROW: QuarterLayout = { width: 380, height: 260, font: 13 };

/**
 * A chart drawn twice, wide and narrow, so its text stays readable on a phone; CSS shows the one
 * that fits the screen.
 */
export function WideAndNarrow({ draw }: { draw: (layout: QuarterLayout, className: string) => ReactNode }) {
  return (
    <>
      {draw(WIDE, "hidden h-auto w-full sm:block")}
      {draw(NARROW, "h-auto w-full sm:hidden")}
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
  return lines.map((line) => (
    <g key={line.value}>
      <line x1={plot.left} x2={plot.right} y1={line.y} y2={line.y} stroke="#e7e5e4" strokeDasharray={dashed ? "3 4" : undefined} />
      <text x={plot.left - 8} y={line.y + 4} textAnchor="end" fontSize={font} fill="#44403c">
        {line.value}
        {suffix}
      </text>
    </g>
  ));
}
