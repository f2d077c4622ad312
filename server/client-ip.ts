import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The address sign-in limits count by. X-Forwarded-For can be written by anyone, so its first
 * entry counts only behind a proxy that sets it (STAVE_TRUST_PROXY=1); otherwise its last entry,
 * which the server itself appends, is used.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const ip = env().STAVE_TRUST_PROXY ? forwarded[0] : forwarded.at(-1);
  return ip ?? h.get("x-real-ip") ?? "unknown";
}
