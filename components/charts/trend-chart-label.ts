import type { Trend } from "@/lib/trend";

/** Width over height of the trend chart, shared by its two renderings so one replaces the other in place. */
export const TREND_ASPECT = 720 / 340;

export function trendChartLabel(trend: Trend): string {
  const extras = [
    trend.targets.length > 0 ? `${trend.targets.length} target${trend.targets.length === 1 ? "" : "s"} as dashed segments` : "",
    trend.annotations.length > 0 ? `${trend.annotations.length} numbered note${trend.annotations.length === 1 ? "" : "s"}` : "",
    trend.points.some((p) => p.respondents && p.respondents.count > 1) ? "the respondents' range on the weakest stave as whiskers" : "",
  ].filter(Boolean);
  return `Line chart of ${trend.points.length} assessments: each area's score and the water level over time${extras.length > 0 ? `, with ${extras.join(" and ")}` : ""}. The table below lists the same figures${extras.length > 0 ? ", targets and notes" : ""}.`;
}
