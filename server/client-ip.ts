import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "./client-address.mjs";

/**
 * The address per-address limits (sign-in, wrong workshop codes) count by: set by Stave's own
 * server from the socket, or from a trusted proxy's entry (see client-address.mjs), never from a
 * header the client wrote. Without it (a bare `next dev`) every request shares one count.
 */
export function clientAddress(h: Pick<Headers, "get">): string {
  return h.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}

export async function clientIp(): Promise<string> {
  return clientAddress(await headers());
}
