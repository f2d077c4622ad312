import "server-only";
import type { Db } from "@/db/client";
import { previewInvitation, type InvitationPreview } from "@/db/queries/invitations";
import { isFirstRun } from "@/db/queries/organisations";
import { listDemoSignIns } from "@/db/seed/demo-users";
import type { DemoSignIn } from "@/lib/demo";
import { AppError } from "@/lib/errors";

// The ways in, read before anyone is signed in: so they take the database, not a member's context.

/** Sign-in: whether anyone has an account yet (the first person signs up instead), and the demo's people. */
export async function signInView(db: Db): Promise<{ firstRun: boolean; demo: DemoSignIn[] }> {
  const firstRun = await isFirstRun(db);
  return { firstRun, demo: firstRun ? [] : await listDemoSignIns(db) };
}

/** Sign-up: the first account of a new Stave gets a welcome of its own. */
export async function signUpView(db: Db): Promise<{ firstRun: boolean }> {
  return { firstRun: await isFirstRun(db) };
}

/** An invitation as its link shows it, or why it cannot be used (expired, used, revoked). */
export async function invitationView(db: Db, token: string): Promise<{ invitation: InvitationPreview } | { problem: string }> {
  try {
    return { invitation: await previewInvitation(db, token) };
  } catch (error) {
    if (error instanceof AppError) return { problem: error.message };
    throw error;
  }
}
