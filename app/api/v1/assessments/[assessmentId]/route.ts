import { requireScope } from "@/lib/api-tokens";
import { AppError } from "@/lib/errors";
import { apiRead } from "@/server/api-read";
import { assessmentResultsView } from "@/views/results";

/** A submitted assessment; its notes with `?include=notes`, for a token whose scopes allow them. */
export const GET = apiRead<{ assessmentId: string }>(
  "getAssessment",
  async ({ url, caller, params }) => {
    const include = url.searchParams.get("include");
    if (include !== null && include !== "notes") throw new AppError("invalid_input", "include may only be notes.", { include: ["may only be notes"] });
    const notes = include === "notes";
    if (notes) requireScope(caller.scopes, "read:notes");
    return (await assessmentResultsView(caller.ctx, params.assessmentId, { notes })).results;
  },
  { versioned: true },
);
