import { AppError } from "@/lib/errors";

const refused = (why: string) => new AppError("unauthenticated", why);

/**
 * The token an `Authorization: Bearer <token>` header carries, or a refusal that says what is wrong
 * with the header. The scheme's name is case-insensitive; the token is taken as sent.
 */
export function bearerToken(authorization: string | null): string {
  if (authorization === null || authorization.trim() === "") {
    throw refused("This API needs a token: send it in the header “Authorization: Bearer <token>”. Owners and admins create tokens on the API tokens page.");
  }
  const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
  // A lone word is most likely the token itself: never echo it back.
  if (scheme!.toLowerCase() !== "bearer" && !token) throw refused("The Authorization header has no scheme: put “Bearer ” before the token.");
  if (scheme!.toLowerCase() !== "bearer") throw refused(`The Authorization header uses the scheme “${scheme}”; send “Authorization: Bearer <token>”.`);
  if (!token) throw refused("The Authorization header names the Bearer scheme but no token: send “Authorization: Bearer <token>”.");
  if (rest.length > 0) throw refused("The Authorization header has more than one token: send “Authorization: Bearer <token>” with the token alone.");
  return token;
}
