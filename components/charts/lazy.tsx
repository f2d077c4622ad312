"use client";

import dynamic from "next/dynamic";

// Recharts is large: load it only on the pages that chart, after the page itself.
const placeholder = (height: string) =>
  function ChartPlaceholder() {
    return <div className={`${height} w-full animate-pulse rounded-md bg-stone-100`} />;
  };

export const RadarChart = dynamic(() => import("./radar-chart"), { ssr: false, loading: placeholder("h-72") });
export const TrendChart = dynamic(() => import("./trend-chart"), { ssr: false, loading: placeholder("h-80 sm:h-96") });
