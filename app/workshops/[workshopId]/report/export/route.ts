import { AppError } from "@/lib/errors";
import { reportMarkdown } from "@/lib/workshop/report";
import { route } from "@/server/route";
import { workshopReportView } from "@/views/workshop-report";

/** The workshop report to take away: `?format=md` (Markdown) or `?format=json`. */
export const GET = route("member", async (request, { ctx }, { workshopId }: { workshopId: string }) => {
  const format = new URL(request.url).searchParams.get("format");
  if (format !== "md" && format !== "json") throw new AppError("invalid_input", "Ask for format=md (Markdown) or format=json.");
  const { report } = await workshopReportView(ctx, workshopId);
  const name = `workshop-${
    report.teamName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "team"
  }-${report.openedAt.slice(0, 10)}`;
  const body = format === "md" ? reportMarkdown(report) : JSON.stringify(report, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "md" ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.${format}"`,
    },
  });
});
