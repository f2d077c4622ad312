import { AppError } from "@/lib/errors";
import { HISTORY_MAX_BYTES, HISTORY_TOO_LARGE, readHistory } from "@/lib/history-import";
import { importHistory } from "@/server/history-apply";
import { planHistoryImport } from "@/server/history-import";
import { readBody, requireOwnSite } from "@/server/json-body";
import { route } from "@/server/route";

/**
 * A history file (the request's body, as exported): `?preview=1` says what importing it would do;
 * without it, it is imported. A route handler, as server actions take far smaller bodies.
 */
export const POST = route("member", async (request, { ctx }) => {
  requireOwnSite(request, "A history");
  const body = await readBody(request, HISTORY_MAX_BYTES, () => new AppError("payload_too_large", HISTORY_TOO_LARGE));
  const read = readHistory(new TextDecoder().decode(body));
  if (!read.ok) throw new AppError("invalid_input", read.error);
  if (new URL(request.url).searchParams.get("preview") === "1") {
    const plan = await planHistoryImport(ctx, read.history);
    return Response.json({
      from: { organisation: read.history.organisation.name, scope: read.history.scope, exportedAt: read.history.exportedAt },
      summary: plan.summary,
      conflicts: plan.conflicts,
      unmatchedPeople: plan.unmatchedPeople,
      respondentAnswersLeftOut: plan.respondentAnswersLeftOut,
    });
  }
  const imported = await importHistory(ctx, read.history);
  return Response.json({ summary: imported.summary, scoreDifferences: imported.scoreDifferences });
});
