import { castVote } from "@/db/queries/workshop-votes";
import { AppError } from "@/lib/errors";
import { castVoteSchema } from "@/lib/validation/workshop";
import { route } from "@/server/route";
import { parseInput } from "@/server/action";

/** A participant's vote (JSON), answered once it is stored; the same vote sent again counts once. */
export const POST = route("participant", async (request, { ctx }) => {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = parseInput(castVoteSchema, body);
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  await castVote(ctx, parsed.data);
  return Response.json({ ok: true });
});
