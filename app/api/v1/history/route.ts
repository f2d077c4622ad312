import { requireScope } from "@/lib/api-tokens";
import { historyScopeQuerySchema } from "@/lib/validation/history";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/server/action";
import { apiRead } from "@/server/api-read";
import { historyView } from "@/views/history";

/** The history of the organisation, a group (`?group=`) or a team (`?team=`): it carries notes, so only for a token that may read them. */
// Not versioned: action owners and team members, which it carries, do not move the data version.
export const GET = apiRead("getHistory", async ({ url, caller }) => {
  requireScope(caller.scopes, "read:notes");
  const parsed = parseInput(historyScopeQuerySchema, Object.fromEntries(url.searchParams));
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  return historyView(caller.ctx, parsed.data);
});
