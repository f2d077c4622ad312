import { apiRead } from "@/server/api-read";
import { workshopReportView } from "@/views/workshop-report";

export const GET = apiRead<{ workshopId: string }>(
  "getWorkshopReport",
  async ({ caller, params }) => (await workshopReportView(caller.ctx, params.workshopId)).report,
);
