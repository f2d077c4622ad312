import type { Ctx } from "@/db/context";
import { getLogo } from "@/db/queries/organisation-branding";
import { notFoundError } from "@/lib/errors";
import { route } from "@/server/route";
import { startUp } from "@/server/start-up";

/**
 * An organisation's logo, for its members only (someone else's organisation is not found). The
 * address carries the logo's version, so a browser keeps that one for a year and asks again for a
 * new one; without the version it checks back every time.
 */
export const GET = route("signed-in", async (request, { signedIn }, { organisationId }: { organisationId: string }) => {
  const membership = signedIn.memberships.find((m) => m.organisationId === organisationId);
  if (!membership) throw notFoundError("The logo");
  const ctx: Ctx = { organisationId, actor: { kind: "member", userId: signedIn.user.id, role: membership.role }, db: (await startUp()).db };
  const logo = await getLogo(ctx);
  if (!logo) throw notFoundError("The logo");
  const version = String(logo.updatedAt.getTime());
  const etag = `"${version}"`;
  const headers = {
    "Content-Type": logo.contentType,
    ETag: etag,
    "Cache-Control": new URL(request.url).searchParams.get("v") === version ? "private, max-age=31536000, immutable" : "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(logo.bytes), { headers });
});
