// Which address a request comes from, decided by Stave's own HTTP server before Next.js sees the
// request (Next fills X-Forwarded-For only when the client sent none, so there its entries are
// the client's own words). Plain JavaScript: the server script imports it as it is.

/** The header the server sets, replacing any a client sent under that name; the app reads only it. */
export const CLIENT_ADDRESS_HEADER = "x-stave-client-address";

/** "::ffff:192.0.2.1" (an IPv4 client on an IPv6 socket) counts as 192.0.2.1. */
const plain = (address) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/**
 * The client's address: the socket's peer; behind a trusted proxy (STAVE_TRUST_PROXY), the entry
 * that proxy appended to X-Forwarded-For — the last one, since whatever comes before it was sent
 * by the client and passed on unchecked.
 */
export function trustedClientAddress({ socketAddress, forwardedFor, trustProxy }) {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const appended = trustProxy
    ? header
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)
        .at(-1)
    : undefined;
  const address = appended ?? socketAddress;
  return address ? plain(address) : "unknown";
}

/** Sets the client-address header on a Node request from its socket, overwriting a client's own. */
export function markClientAddress(req, trustProxy) {
  req.headers[CLIENT_ADDRESS_HEADER] = trustedClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustProxy,
  });
}
