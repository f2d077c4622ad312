import { z } from "zod";
import { ANONYMITY } from "../workshop/rules";
import { parseJoinCode } from "../workshop/join-code";
import { NOTE_MAX, REASON_MAX } from "../answer";
import { PERSON_NAME_MAX } from "./limits";
import { nameSchema, storableText } from "./text";

const voteSchema = z.discriminatedUnion(
  "kind",
  [z.object({ kind: z.literal("level"), level: z.number().int() }), z.object({ kind: z.literal("unsure") }), z.object({ kind: z.literal("not_applicable") })],
  "Choose a level, “unsure” or “not applicable”.",
);

/** A vote as a participant's phone sends it (JSON). */
export const castVoteSchema = z.object({
  questionId: z.string().min(1).max(80),
  round: z.number().int().min(1),
  vote: voteSchema,
});

export const joinWorkshopSchema = z.object({
  code: z
    .string("Enter the code shown by the facilitator.")
    .transform((s) => parseJoinCode(s))
    .refine((s): s is string => s !== undefined, "A code is 8 letters and digits, like ABCD-EF34. Check it on the screen."),
  name: z
    .union([z.literal("").transform(() => null), nameSchema({ what: "A name", max: PERSON_NAME_MAX, missing: "Enter a name, or leave it empty." })])
    .default(""),
  /** Joins to watch (a shared screen, an observer): sees what the presenter shows, does not vote. */
  watching: z
    .enum(["on", "off"])
    .default("off")
    .transform((v) => v === "on"),
});

export const openWorkshopSchema = z.object({
  assessmentId: z.uuid("Unknown assessment."),
  anonymity: z.enum(ANONYMITY, "Choose who sees whose vote."),
  autoReveal: z
    .enum(["on", "off"])
    .default("off")
    .transform((v) => v === "on"),
});

const workshopId = z.uuid("Unknown workshop.");

export const workshopMoveSchema = z.object({
  workshopId,
  to: z.enum(["next", "previous", "question"], "Choose where to go."),
  questionId: z.string().max(80).optional(),
});

export const workshopControlSchema = z.object({
  workshopId,
  control: z.enum(["reveal", "revote", "pause", "resume", "end", "timer-60", "timer-off"], "Unknown control."),
});

export const consensusSchema = z
  .object({
    workshopId,
    questionId: z.string().min(1).max(80),
    answer: z.string().regex(/^(\d{1,2}|unsure|not_applicable)$/, "Choose the level the room agreed on."),
    note: storableText("The note")
      .max(NOTE_MAX, `The note can be at most ${NOTE_MAX} characters.`)
      .optional()
      .transform((s) => s?.trim() || null),
  })
  .transform(({ answer, note, ...rest }, ctx) => {
    if (answer === "unsure") return { ...rest, note, answer: { kind: "unsure" as const } };
    if (answer === "not_applicable") {
      if (!note) {
        ctx.addIssue({ code: "custom", path: ["note"], message: "Say why it does not apply: the note is kept as the reason." });
        return z.NEVER;
      }
      if (note.length > REASON_MAX) {
        ctx.addIssue({ code: "custom", path: ["note"], message: `As the reason it does not apply, the note can be at most ${REASON_MAX} characters.` });
        return z.NEVER;
      }
      return { ...rest, note, answer: { kind: "not_applicable" as const, reason: note } };
    }
    return { ...rest, note, answer: { kind: "level" as const, level: Number(answer) } };
  });

export const voteForSchema = z
  .object({
    workshopId,
    name: nameSchema({ what: "A name", max: PERSON_NAME_MAX, missing: "Enter the name of the person you vote for." }),
    answer: z.string().regex(/^(\d{1,2}|unsure|not_applicable)$/, "Choose their vote."),
  })
  .transform(({ answer, ...rest }) => ({
    ...rest,
    vote:
      answer === "unsure"
        ? { kind: "unsure" as const }
        : answer === "not_applicable"
          ? { kind: "not_applicable" as const }
          : { kind: "level" as const, level: Number(answer) },
  }));

export const privateNoteSchema = z.object({
  workshopId,
  questionId: z.string().min(1).max(80),
  text: storableText("The note")
    .max(NOTE_MAX, `The note can be at most ${NOTE_MAX} characters.`)
    .optional()
    .transform((s) => s?.trim() || null),
});

export const removeVotedForSchema = z.object({
  workshopId,
  participantId: z.uuid("Unknown person."),
});
