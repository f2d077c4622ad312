"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createDemoOrganisation } from "@/db/seed/demo";
import type { DemoSignIn } from "@/lib/demo";
import { AppError } from "@/lib/errors";
import { signUpSchema } from "@/lib/validation/account";
import { formAction } from "@/server/action";
import { getAuth } from "@/server/auth";
import { startUp } from "@/server/start-up";

// Creating an account needs no caller; the new account belongs to no organisation until it
// creates one or accepts an invitation.
export const signUpAction = formAction("anyone", signUpSchema, async ({ name, email, password, next }) => {
  const auth = await getAuth();
  try {
    await auth.api.signUpEmail({ body: { name, email, password }, headers: await headers() });
  } catch (error) {
    // Deliberately vague: the answer must not tell whether the address already has an account.
    if (isAPIError(error)) throw new AppError("conflict", "The account could not be created. If you already have one, sign in instead.");
    throw error;
  }
  redirect(next ?? "/organisations/new");
});

/** Demo data, offered only before the first account exists; answers with the demo sign-ins. */
export const setUpDemoAction = formAction("anyone", z.object({}), async (): Promise<DemoSignIn[]> => {
  const { db } = await startUp();
  const signIns = await createDemoOrganisation(db);
  if (!signIns) throw new AppError("conflict", "Stave already has data: demo data is only added to an empty installation.");
  return signIns;
});
