import "server-only";
import { networkInterfaces } from "node:os";
import { headers } from "next/headers";
import { env } from "@/lib/env";

// Where people reach Stave, for links shown or scanned on another device (a workshop's QR code).
// Set BETTER_AUTH_URL and that is the answer. Without it, the address the facilitator's browser
// used; but "localhost" on a laptop means nothing to the phones in the room, so it becomes the
// machine's address on the local network (Stave listens on every interface unless STAVE_HOST says
// otherwise), and a page can say when no such address exists.

export type PublicOrigin = { origin: string; /** Only this computer can open it: phones cannot. */ localOnly: boolean };

type Seen = {
  configured?: string;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  trustProxy: boolean;
  lanAddress?: string;
  port: number;
};

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\])$/i;

/** The first entry of a forwarded header (X-Forwarded-Host, -Proto): what the proxy nearest the browser saw. */
export const firstForwarded = (header: string | null | undefined) => header?.split(",")[0]?.trim() || undefined;

/** The origin for links opened elsewhere, from what the request and the machine say. */
export function originFrom(seen: Seen): PublicOrigin {
  if (seen.configured) return { origin: new URL(seen.configured).origin, localOnly: false };
  const host = (seen.trustProxy && firstForwarded(seen.forwardedHost)) || seen.host || `localhost:${seen.port}`;
  const proto = seen.trustProxy && firstForwarded(seen.forwardedProto) === "https" ? "https" : "http";
  const url = new URL(`${proto}://${host}`);
  if (!LOOPBACK.test(url.hostname)) return { origin: url.origin, localOnly: false };
  if (!seen.lanAddress) return { origin: url.origin, localOnly: true };
  url.hostname = seen.lanAddress;
  return { origin: url.origin, localOnly: false };
}

/** This machine's first IPv4 address on a network other than loopback. */
function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((a) => a.family === "IPv4" && !a.internal);
    if (found) return found.address;
  }
  return undefined;
}

export async function publicOrigin(): Promise<PublicOrigin> {
  const h = await headers();
  const { BETTER_AUTH_URL, STAVE_TRUST_PROXY, STAVE_HOST, PORT } = env();
  return originFrom({
    configured: BETTER_AUTH_URL,
    host: h.get("host"),
    forwardedHost: h.get("x-forwarded-host"),
    forwardedProto: h.get("x-forwarded-proto"),
    trustProxy: STAVE_TRUST_PROXY,
    // Bound to one address only, the machine's other addresses do not answer.
    lanAddress: STAVE_HOST ? undefined : lanAddress(),
    port: PORT,
  });
}

/** Where people reach Stave, for links in messages sent without a request (mail, webhooks): BETTER_AUTH_URL, else this machine's port. */
export const configuredOrigin = (): string => env().BETTER_AUTH_URL?.replace(/\/$/, "") ?? `http://localhost:${env().PORT}`;
