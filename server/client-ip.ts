import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The address sign-in limits count by. X-Forwarded-For can be written by anyone, so its first
 * entry counts only behind a proxy that sets it (trustProxy, STAVE_TRUST_PROXY=1); otherwise its
 * last entry, which the server itself appends, is used.
 */
export function clientAddress(h: Pick<Headers, "get">, trustProxy: boolean): string {
  const forwarded = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = trustProxy ? forwarded[0] : forwarded.at(-1);
  return ip ?? h.get("x-real-ip") ?? "unknown";
}

export async function clientIp(): Promise<string> {
  return clientAddress(await headers(), env().STAVE_TRUST_PROXY);
}
