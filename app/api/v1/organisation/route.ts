import { getOrganisation } from "@/db/queries/organisations";
import { route } from "@/server/route";

/** The organisation the token belongs to. */
export const GET = route("token", async (_request, { ctx }) =>
  Response.json(await getOrganisation(ctx), { headers: { "Cache-Control": "private, no-cache" } }),
);
