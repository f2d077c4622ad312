/** What the sign-in page says when single sign-on came back refused, by the code in its address. */
const NOT_STARTED_HERE = "This single sign-on answer does not belong to a sign-in started here, or it expired. Nothing was changed: start again.";

const MESSAGES: Record<string, string> = {
  state_mismatch: "This single sign-on answer does not belong to a sign-in started here (its state did not match). Nothing was changed: start again.",
  state_not_found: NOT_STARTED_HERE,
  state_invalid: NOT_STARTED_HERE,
  invalid_state: NOT_STARTED_HERE,
  please_restart_the_process: NOT_STARTED_HERE,
  email_domain_not_allowed: "Your organisation's single sign-on does not allow that e-mail address's domain. Nothing was changed: ask its owner.",
  // An account of that address exists, and the provider's domains do not vouch for the address.
  "account not linked": "That e-mail address already has a Stave account that this single sign-on may not sign in to. Nothing was changed.",
  access_denied: "The sign-in was cancelled at your organisation's identity provider. Nothing was changed.",
};

/** Codes where the provider's own answer was wrong: a token from another issuer, a bad signature. */
const PROVIDER_MESSAGE =
  "Your organisation's identity provider answered with a token Stave cannot trust (another issuer, audience or signature). Nothing was changed.";

export function ssoErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code in MESSAGES) return MESSAGES[code];
  if (code === "invalid_provider") return PROVIDER_MESSAGE;
  return "Single sign-on did not finish. Nothing was changed: start again, or ask your organisation's owner.";
}
