import ipaddr from "ipaddr.js";
import type { DiscoveredOidc } from "@/db/queries/sso";
import { AppError } from "@/lib/errors";
import { refusedAddress } from "@/lib/webhooks/address-policy";

// Saving an issuer fetches its discovery document and checks it names the same issuer, so a typo
// or the wrong tenant is said at once rather than at the first person's sign-in.

const TIMEOUT_MS = 8000;

const refused = (message: string) => new AppError("invalid_input", message, { issuer: [message] });

/** Issuers compare without a trailing slash, as providers differ in writing it. */
const bare = (url: string) => url.replace(/\/+$/, "");

/**
 * Saving an issuer makes Stave's server fetch from it: only public https addresses, unless the
 * operator allows the origin (their own provider on a private network or plain http).
 */
function addressProblem(issuer: URL, allowedOrigins: readonly string[]): string | undefined {
  if (allowedOrigins.includes(issuer.origin.toLowerCase())) return undefined;
  if (issuer.protocol !== "https:") return "The issuer URL must start with https://.";
  const host = issuer.hostname.replace(/^\[|\]$/g, "");
  const refused = ipaddr.isValid(host)
    ? refusedAddress(host)
    : /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)
      ? `${host} names a machine on a private network`
      : undefined;
  return refused && `Stave does not reach identity providers there: ${refused}. Whoever runs Stave can allow it (STAVE_SSO_ALLOW_ORIGINS).`;
}

/** The provider's endpoints from `<issuer>/.well-known/openid-configuration`, or a refusal that says what is wrong. */
export async function discoverIssuer(issuer: string, allowedOrigins: readonly string[], fetcher: typeof fetch = fetch): Promise<DiscoveredOidc> {
  const problem = addressProblem(new URL(issuer), allowedOrigins);
  if (problem) throw refused(problem);
  const discoveryEndpoint = `${bare(issuer)}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetcher(discoveryEndpoint, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" }, redirect: "error" });
  } catch {
    throw refused(`Stave could not reach ${discoveryEndpoint}. Check the issuer URL and that the provider is up.`);
  }
  if (!response.ok) throw refused(`The provider answered ${response.status} at ${discoveryEndpoint}: this is not an OpenID Connect issuer URL.`);
  let doc: Record<string, unknown>;
  try {
    doc = (await response.json()) as Record<string, unknown>;
  } catch {
    throw refused(`${discoveryEndpoint} is not an OpenID Connect discovery document.`);
  }
  if (typeof doc.issuer !== "string" || bare(doc.issuer) !== bare(issuer)) {
    throw refused(`The provider says its issuer is ${typeof doc.issuer === "string" ? doc.issuer : "missing"}, not ${issuer}: enter its exact issuer URL.`);
  }
  const endpoint = (name: string) => (typeof doc[name] === "string" ? (doc[name] as string) : undefined);
  const authorizationEndpoint = endpoint("authorization_endpoint");
  const tokenEndpoint = endpoint("token_endpoint");
  const jwksEndpoint = endpoint("jwks_uri");
  if (!authorizationEndpoint || !tokenEndpoint || !jwksEndpoint)
    throw refused("The provider's discovery document lacks its authorization, token or key endpoint.");
  const methods = Array.isArray(doc.token_endpoint_auth_methods_supported) ? doc.token_endpoint_auth_methods_supported : ["client_secret_basic"];
  return {
    issuer: doc.issuer,
    discoveryEndpoint,
    authorizationEndpoint,
    tokenEndpoint,
    jwksEndpoint,
    userInfoEndpoint: endpoint("userinfo_endpoint"),
    tokenEndpointAuthentication: methods.includes("client_secret_basic") ? "client_secret_basic" : "client_secret_post",
  };
}
