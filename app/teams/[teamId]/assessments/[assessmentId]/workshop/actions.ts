"use server";

import { revalidatePath } from "next/cache";
import {
  addVoteFor,
  endWorkshop,
  moveWorkshop,
  openWorkshop,
  recordConsensus,
  removeVotedFor,
  reveal,
  revote,
  setPaused,
  setPrivateNote,
  setTimer,
} from "@/db/queries/workshops";
import {
  consensusSchema,
  openWorkshopSchema,
  privateNoteSchema,
  removeVotedForSchema,
  voteForSchema,
  workshopControlSchema,
  workshopMoveSchema,
} from "@/lib/validation/workshop";
import { recordAgreement } from "@/db/queries/workshop-agreements";
import { agreementFormSchema, recordAgreementSchema } from "@/lib/validation/workshop-agreement";
import { AppError } from "@/lib/errors";
import { action, formAction } from "@/server/action";
import { agreementFormView } from "@/views/workshop-agreement";

// The facilitator's controls. Each change is announced to every screen by the data layer, so
// nothing here revalidates: the screens update from the live stream.

export const openWorkshopAction = formAction("member", openWorkshopSchema, async (input, { ctx }) => {
  const opened = await openWorkshop(ctx, input);
  revalidatePath("/teams", "layout");
  return opened;
});

export const workshopControlAction = action("member", workshopControlSchema, async ({ workshopId, control }, { ctx }) => {
  switch (control) {
    case "reveal":
      return reveal(ctx, workshopId);
    case "revote":
      return revote(ctx, workshopId);
    case "pause":
      return setPaused(ctx, workshopId, true);
    case "resume":
      return setPaused(ctx, workshopId, false);
    case "end":
      return endWorkshop(ctx, workshopId);
    case "timer-60":
      return setTimer(ctx, workshopId, 60);
    case "timer-off":
      return setTimer(ctx, workshopId, null);
  }
});

export const workshopMoveAction = action("member", workshopMoveSchema, async ({ workshopId, to, questionId }, { ctx }) => {
  if (to === "question" && !questionId) throw new AppError("invalid_input", "Choose a question to go to.");
  await moveWorkshop(ctx, workshopId, to === "question" ? { to, questionId: questionId! } : { to });
});

export const consensusAction = formAction("member", consensusSchema, async (input, { ctx }) => {
  await recordConsensus(ctx, input);
  return { questionId: input.questionId };
});

export const voteForAction = formAction("member", voteForSchema, async ({ workshopId, name, vote }, { ctx }) => {
  await addVoteFor(ctx, workshopId, name, vote);
  return { name };
});

export const removeVotedForAction = action("member", removeVotedForSchema, ({ workshopId, participantId }, { ctx }) =>
  removeVotedFor(ctx, workshopId, participantId),
);

export const privateNoteAction = formAction("member", privateNoteSchema, async ({ workshopId, questionId, text }, { ctx }) => {
  await setPrivateNote(ctx, workshopId, questionId, text);
  return { questionId };
});

/** What the agreement form shows, read when the workshop ends on the console (which is not reloaded). */
export const agreementFormAction = action("member", agreementFormSchema, ({ workshopId }, { ctx }) => agreementFormView(ctx, workshopId));

export const recordAgreementAction = formAction("member", recordAgreementSchema, async (input, { ctx }) => {
  const agreement = await recordAgreement(ctx, input);
  // Once it is the submitted assessment's target, its results show it.
  if (agreement.appliedAt) revalidatePath("/teams", "layout");
  return agreement;
});
