import "server-only";
import { headers } from "next/headers";
import { tokenContext, type TokenContext } from "@/db/queries/api-tokens";
import { requireApiRequestAllowed } from "./api-rate-limit";
import { bearerToken } from "./bearer";
import { startUp } from "./start-up";

/**
 * A request made with an API token: its `Authorization: Bearer` header names a token that is known,
 * unexpired and not revoked (else 401 saying which), and the token is within its requests a minute,
 * counted in the database so every instance shares the count (else 429 with when to try again).
 */
export async function tokenCaller(): Promise<TokenContext> {
  const secret = bearerToken((await headers()).get("authorization"));
  const { db } = await startUp();
  const found = await tokenContext(db, secret);
  await requireApiRequestAllowed(db, `api-token:${found.tokenId}`, "This token");
  return found;
}
