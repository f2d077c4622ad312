"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";
import { formAction } from "@/server/action";

// Who may manage tokens is decided inside each write, with the asker's role as it is then.

export const createApiTokenAction = formAction("member", createApiTokenSchema, async (input, { ctx }) => {
  const { token, row } = await createApiToken(ctx, input);
  revalidatePath("/api-tokens");
  return { token, name: row.name };
});

export const revokeApiTokenAction = formAction("member", revokeApiTokenSchema, async ({ tokenId }, { ctx }) => {
  await revokeApiToken(ctx, tokenId);
  revalidatePath("/api-tokens");
  return undefined;
});
