import ipaddr from "ipaddr.js";

// Where Stave may send a webhook: to a public address over HTTPS. Private, loopback, link-local and
// other special addresses (a cloud's metadata service at 169.254.169.254, the host itself) are
// refused, so a webhook URL cannot reach into the network Stave runs in, unless the operator lists
// the host in STAVE_WEBHOOK_ALLOW_HOSTS (which also allows plain http there).

/** An address Stave must not send to: the reason, or undefined for an ordinary public address. */
export function refusedAddress(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = ipaddr.process(address).range();
  if (range === "unicast") return undefined;
  const names: Record<string, string> = {
    loopback: "this machine (loopback)",
    private: "a private network",
    uniqueLocal: "a private network",
    linkLocal: "a link-local address (such as a cloud's metadata service)",
    carrierGradeNat: "a carrier's private network",
    unspecified: "no address (unspecified)",
  };
  return `${address} is ${names[range] ?? `a special-purpose address (${range})`}`;
}

/** "host" or "host:port" entries, lower case, as the operator lists them. */
export const parseAllowedHosts = (list: string | undefined): string[] =>
  (list ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

/** Whether the operator allows this URL's host (with or without its port) to be private and plain http. */
export function hostAllowed(url: URL, allowed: readonly string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return allowed.some(
    (entry) => entry === host || entry === `${host}:${url.port || (url.protocol === "https:" ? "443" : "80")}` || entry === url.host.toLowerCase(),
  );
}

/** An endpoint URL as Stave accepts it, or the reason it refuses it (said to the person who typed it). */
export function checkEndpointUrl(raw: string, allowed: readonly string[]): { url: URL } | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: "Enter the whole address, starting with https://." };
  }
  if (url.username || url.password) return { problem: "Leave the user name and password out of the address: each delivery is signed instead." };
  const isAllowed = hostAllowed(url, allowed);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isAllowed))
    return { problem: "Webhooks are sent over HTTPS only: the address must start with https://." };
  if (url.hash) return { problem: "Leave out the part after #: it is never sent." };
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!isAllowed && ipaddr.isValid(literal)) {
    const refused = refusedAddress(literal);
    if (refused) return { problem: `Stave does not send webhooks there: ${refused}.` };
  }
  if (!isAllowed && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(literal)) {
    return { problem: `Stave does not send webhooks to ${literal}: it names a machine on a private network.` };
  }
  return { url };
}
