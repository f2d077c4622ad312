"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { consumeRateLimit, resetRateLimit } from "@/db/queries/rate-limits";
import { signInSchema } from "@/lib/validation/account";
import { failure, keepValues, parseInput, type ActionResult } from "@/server/action";
import { getAuth } from "@/server/auth";
import { boot } from "@/server/boot";
import { clientIp } from "@/server/client-ip";

const WINDOW_SECONDS = 15 * 60;
const PER_ACCOUNT = 8;
const PER_IP = 40;

// Signing in is the one action without a viewer: it is limited per account and per address instead,
// and its answers never say whether an account exists.
export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return keepValues(await signInActionUnwrapped(formData), formData);
}

async function signInActionUnwrapped(formData: FormData): Promise<ActionResult> {
  const parsed = parseInput(signInSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed;
  const { email, password, next } = parsed.data;
  try {
    await boot();
    const [byAccount, byIp] = await Promise.all([
      consumeRateLimit(`sign-in:account:${email}`, PER_ACCOUNT, WINDOW_SECONDS),
      consumeRateLimit(`sign-in:ip:${await clientIp()}`, PER_IP, WINDOW_SECONDS),
    ]);
    if (!byAccount.allowed || !byIp.allowed) {
      const minutes = Math.ceil(Math.max(byAccount.allowed ? 0 : byAccount.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds) / 60);
      return { ok: false, error: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
    }
    const auth = await getAuth();
    await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
    await resetRateLimit(`sign-in:account:${email}`);
  } catch (error) {
    if (isAPIError(error)) return { ok: false, error: "Email or password is incorrect." };
    return failure(error);
  }
  redirect(next ?? "/");
}
