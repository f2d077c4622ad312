"use client";

import { lazy, Suspense, useState } from "react";
import type { TrendScale } from "@/lib/charts/trend-geometry";
import type { Trend } from "@/lib/trend";

const RechartsTrend = lazy(() => import("./recharts-trend"));

/**
 * Shows the server-drawn chart at once; when someone reaches for it (pointer over it, a touch),
 * loads the interactive version in its place. The page is usable, and fast on a phone, long before.
 */
export function TrendExplorer({ trend, scale, children }: { trend: Trend; scale: TrendScale; children: React.ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);
  return (
    // Moving counts too: a pointer already over the chart before the page came alive never enters it.
    <div onPointerEnter={want} onPointerMove={wanted ? undefined : want} onTouchStart={want}>
      {wanted ? (
        <Suspense fallback={children}>
          <RechartsTrend trend={trend} scale={scale} />
        </Suspense>
      ) : (
        children
      )}
    </div>
  );
}
