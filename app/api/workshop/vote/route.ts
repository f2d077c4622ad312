import { castVote } from "@/db/queries/workshop-votes";
import { castVoteSchema } from "@/lib/validation/workshop";
import { readJson } from "@/server/json-body";
import { route } from "@/server/route";

/** A participant's vote (JSON), answered once it is stored; the same vote sent again counts once. */
export const POST = route("participant", async (request, { ctx }) => {
  await castVote(ctx, await readJson(request, castVoteSchema, "A vote"));
  return Response.json({ ok: true });
});
