"use client";

import { useEffect, useState } from "react";
import type { WorkshopView } from "@/lib/workshop/view";

/** The live view of a workshop from its event stream, starting from the one the page was drawn with. */
export function useWorkshopView(initial: WorkshopView, url: string): { view: WorkshopView; live: boolean } {
  const [view, setView] = useState(initial);
  const [live, setLive] = useState(true);
  useEffect(() => {
    const source = new EventSource(url);
    source.addEventListener("view", (event) => {
      setView(JSON.parse((event as MessageEvent<string>).data) as WorkshopView);
      setLive(true);
    });
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [url]);
  return { view, live };
}
