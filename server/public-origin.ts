import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** Where people reach Stave (for links shown or scanned elsewhere, like a workshop's QR code). */
export async function publicOrigin(): Promise<string> {
  const configured = env().BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = (await headers()).get("host");
  return host ? `http://${host}` : `http://localhost:${env().PORT}`;
}
