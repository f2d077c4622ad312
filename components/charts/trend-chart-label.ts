import type { Trend } from "@/lib/trend";

/** Width over height of the trend chart, shared by its two renderings so one replaces the other in place. */
export const TREND_ASPECT = 720 / 340;

export const trendChartLabel = (trend: Trend) =>
  `Line chart of ${trend.points.length} assessments: each area's score and the water level over time. The table below lists the same figures.`;
