/** A domain name as people write it after the "@": labels of letters, digits and hyphens, at least one dot. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const isDomain = (value: string) => DOMAIN.test(value);

/** The comma-separated list as typed: trimmed, lower-cased, "@" dropped, empty entries and repeats left out. */
export function splitDomains(text: string): string[] {
  const all = text
    .split(/[,\s]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  return [...new Set(all)];
}

/** The part of an address after its last "@", lower-cased ("" when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0
    ? ""
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Whether the address is in one of the domains (exactly: a subdomain is a different domain). */
export const inDomains = (email: string, domains: readonly string[]) => domains.includes(emailDomain(email));

/** The provider's id in the auth library: one connection per organisation. */
export const providerIdOf = (organisationId: string) => `org-${organisationId}`;
