import { apiRead } from "@/server/api-read";
import { modelVersionResource } from "@/views/models";

export const GET = apiRead<{ modelId: string; version: string }>("getModelVersion", async ({ caller, params }) =>
  modelVersionResource(caller.ctx, decodeURIComponent(params.modelId), decodeURIComponent(params.version)),
);
