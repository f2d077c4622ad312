import "server-only";
import { isoDate } from "@/lib/format";

/** A name as a file name's part: "Platform & Ops" → "platform-ops". */
function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[^\w]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "export"
  );
}

/** A CSV download, never cached, named after what it holds, whose it is and the day: "stave-trend-payments-2026-12-07.csv". */
export function csvDownload(csv: string, what: string, whose: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="stave-${what}-${slug(whose)}-${isoDate(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
