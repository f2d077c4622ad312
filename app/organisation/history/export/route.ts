import { AppError } from "@/lib/errors";
import { historyScopeQuerySchema } from "@/lib/validation/history";
import { parseInput } from "@/server/action";
import { route } from "@/server/route";
import { historyFileName, historyView } from "@/views/history";

/** The history to take away as a JSON file: the organisation's, a group's (`?group=`) or a team's (`?team=`). */
export const GET = route("member", async (request, { ctx }) => {
  const parsed = parseInput(historyScopeQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  const history = await historyView(ctx, parsed.data);
  return new Response(JSON.stringify(history, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${historyFileName(history)}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
