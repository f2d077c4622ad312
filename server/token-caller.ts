import "server-only";
import { headers } from "next/headers";
import { tokenContext, type TokenContext } from "@/db/queries/api-tokens";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bearerToken } from "./bearer";
import { startUp } from "./start-up";

const WINDOW_SECONDS = 60;

/**
 * A request made with an API token: its `Authorization: Bearer` header names a token that is known,
 * unexpired and not revoked (else 401 saying which), and the token is within its requests a minute,
 * counted in the database so every instance shares the count (else 429 with when to try again).
 */
export async function tokenCaller(): Promise<TokenContext> {
  const secret = bearerToken((await headers()).get("authorization"));
  const { db } = await startUp();
  const found = await tokenContext(db, secret);
  const limit = env().STAVE_API_RATE_LIMIT;
  const verdict = await consumeRateLimit(db, `api-token:${found.tokenId}`, limit, WINDOW_SECONDS);
  if (!verdict.allowed) {
    throw new AppError(
      "rate_limited",
      `This token has made more than ${limit} requests in a minute. Try again in ${verdict.retryAfterSeconds} second${verdict.retryAfterSeconds === 1 ? "" : "s"}.`,
      undefined,
      verdict.retryAfterSeconds,
    );
  }
  return found;
}
