import { headers } from "next/headers";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { localPath, SWITCH_FALLBACK } from "@/lib/organisation-path";
import { getAuth } from "@/server/auth";
import { route } from "@/server/route";

const openSchema = z.object({ organisation: z.uuid("Choose an organisation."), to: z.string().max(2000).optional() });

/**
 * A link from the desk into one of the person's other organisations: makes it the active one, then
 * opens the page asked for there (only a path of Stave's own). A plain link, so it opens in a new
 * tab too; it only ever switches between the person's own organisations.
 */
export const GET = route("signed-in", async (request, { signedIn }) => {
  const parsed = openSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0]!.message);
  const { organisation, to } = parsed.data;
  // Followed from another site, a link switches nothing: it lands on the desk, where the person chooses.
  if (request.headers.get("sec-fetch-site") === "cross-site")
    return new Response(null, { status: 303, headers: { Location: "/desk", "Cache-Control": "no-store" } });
  if (!signedIn.memberships.some((m) => m.organisationId === organisation)) throw new AppError("not_found", "That organisation was not found.");
  const auth = await getAuth();
  await auth.api.setActiveOrganization({ body: { organizationId: organisation }, headers: await headers() });
  return new Response(null, { status: 303, headers: { Location: localPath(to) ?? SWITCH_FALLBACK, "Cache-Control": "no-store" } });
});
