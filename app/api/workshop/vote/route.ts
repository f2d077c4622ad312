import { castVote } from "@/db/queries/workshop-votes";
import { AppError } from "@/lib/errors";
import { castVoteSchema } from "@/lib/validation/workshop";
import { route } from "@/server/route";
import { parseInput } from "@/server/action";

/** A participant's vote (JSON), answered once it is stored; the same vote sent again counts once. */
export const POST = route("participant", async (request, { ctx }) => {
  // Only the voting page's own script sends this: JSON, from this origin.
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && new URL(origin).host !== request.headers.get("host")) {
    throw new AppError("forbidden", "Votes are taken from the workshop's own page only.");
  }
  if (!request.headers.get("content-type")?.startsWith("application/json")) throw new AppError("invalid_input", "Send the vote as JSON.");
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = parseInput(castVoteSchema, body);
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, parsed.fieldErrors);
  await castVote(ctx, parsed.data);
  return Response.json({ ok: true });
});
