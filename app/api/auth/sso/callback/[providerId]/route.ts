import { getAuth } from "@/server/auth";
import { route } from "@/server/route";
import { startUp } from "@/server/start-up";

/**
 * Where an organisation's identity provider sends people back. The auth library checks the state,
 * the PKCE verifier and the ID token (issuer, audience, signature), then signs the person in, or
 * sends them to the sign-in page with the reason.
 */
export const GET = route("anyone", async (request) => {
  await startUp();
  return (await getAuth()).handler(request);
});
