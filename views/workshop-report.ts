import "server-only";
import type { Ctx } from "@/db/context";
import { workshopReportInput } from "@/db/queries/workshop-report";
import { loadWorkshopRows } from "@/db/queries/workshop-view";
import { workshopAudience } from "@/db/queries/workshops";
import { notFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";
import { workshopReport, type WorkshopReport } from "@/lib/workshop/report";
import { workshopView, type WorkshopView } from "@/lib/workshop/view";

/** What the projector shows when it opens (live updates follow on the event stream) and the code people join with. */
export async function presenterView(ctx: Ctx, workshopId: string): Promise<{ screen: WorkshopView; joinCode: string }> {
  if (!isUuid(workshopId)) throw notFoundError("The workshop");
  await workshopAudience(ctx, workshopId);
  const rows = await loadWorkshopRows(ctx, workshopId);
  if (!rows) throw notFoundError("The workshop");
  return { screen: workshopView(rows, "presenter"), joinCode: rows.joinCode };
}

/** A workshop's report: the print page, its Markdown and JSON, and the API share it. */
export async function workshopReportView(ctx: Ctx, workshopId: string): Promise<{ report: WorkshopReport }> {
  if (!isUuid(workshopId)) throw notFoundError("The workshop");
  return { report: workshopReport(await workshopReportInput(ctx, workshopId)) };
}
