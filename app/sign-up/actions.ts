"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { DemoSignIn } from "@/db/seed/demo-users";
import { signUpSchema } from "@/lib/validation/account";
import { failure, keepValues, parseInput, type ActionResult } from "@/server/action";
import { getAuth } from "@/server/auth";
import { boot } from "@/server/boot";
import { createDemoOrganisation } from "@/server/demo";

// Creating an account needs no viewer; the new account belongs to no organisation until it
// creates one or accepts an invitation.
export async function signUpAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return keepValues(await signUpActionUnwrapped(formData), formData);
}

async function signUpActionUnwrapped(formData: FormData): Promise<ActionResult> {
  const parsed = parseInput(signUpSchema, Object.fromEntries(formData));
  if (!parsed.ok) return parsed;
  const { name, email, password, next } = parsed.data;
  try {
    await boot();
    const auth = await getAuth();
    await auth.api.signUpEmail({ body: { name, email, password }, headers: await headers() });
  } catch (error) {
    // Deliberately vague: the answer must not tell whether the address already has an account.
    if (isAPIError(error)) return { ok: false, error: "The account could not be created. If you already have one, sign in instead." };
    return failure(error);
  }
  redirect(next ?? "/organisations/new");
}

/** Demo data, offered only before the first account exists; answers with the demo sign-ins. */
export async function setUpDemoAction(_previous: ActionResult<DemoSignIn[]> | null): Promise<ActionResult<DemoSignIn[]>> {
  try {
    await boot();
    const signIns = await createDemoOrganisation();
    if (!signIns) return { ok: false, error: "Stave already has data: demo data is only added to an empty installation." };
    return { ok: true, data: signIns };
  } catch (error) {
    return failure(error);
  }
}
