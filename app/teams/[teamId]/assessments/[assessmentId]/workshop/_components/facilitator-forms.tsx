"use client";

import { useActionState, useState, useTransition } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { button, field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { WorkshopView } from "@/lib/workshop/view";
import { panel } from "./console-parts";
import { consensusAction, privateNoteAction, removeVotedForAction, voteForAction } from "../actions";

const answerValue = (v: WorkshopView["consensus"] | NonNullable<WorkshopView["revealed"]>["suggested"]) =>
  !v ? "" : v.kind === "level" ? String(v.level) : v.kind;

export function ConsensusForm({ view }: { view: WorkshopView }) {
  const [state, submit] = useActionState(consensusAction, null);
  const q = view.question;
  const chosen = answerValue(view.consensus) || answerValue(view.revealed?.suggested);
  return (
    <form action={submit} className={`${panel} space-y-2`} aria-labelledby="consensus-heading" aria-describedby="consensus-hint" noValidate>
      <h2 id="consensus-heading" className="text-lg font-semibold">
        The team answer
      </h2>
      <p id="consensus-hint" className="text-sm text-stone-600">
        Saved as the team&apos;s answer{view.revealed?.suggested ? "; the median vote is suggested" : ""}.
      </p>
      <input type="hidden" name="workshopId" value={view.id} />
      <input type="hidden" name="questionId" value={q.id} />
      <div>
        <label htmlFor="consensus-answer" className={field.label}>
          Agreed level
        </label>
        <select key={chosen} id="consensus-answer" name="answer" defaultValue={chosen} className={field.input}>
          <AnswerOptions levels={q.levels} />
        </select>
      </div>
      <div>
        <label htmlFor="consensus-note" className={field.label}>
          Note (optional; the reason, for not applicable)
        </label>
        <textarea
          id="consensus-note"
          name="note"
          rows={1}
          defaultValue={view.consensus?.note ?? ""}
          className={field.input}
          aria-invalid={state && !state.ok && state.fieldErrors?.note ? true : undefined}
          aria-describedby="consensus-note-message"
        />
        <p id="consensus-note-message" className={state && !state.ok && state.fieldErrors?.note ? field.error : "sr-only"}>
          {(state && !state.ok && state.fieldErrors?.note?.[0]) || ""}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <SubmitButton variant={view.phase === "revealed" && !view.consensus ? "primary" : "secondary"} pendingText="Saving…">
          Record as the team answer
        </SubmitButton>
        {view.consensus && (
          <p className="text-sm font-medium text-green-800" data-testid="consensus">
            Recorded:{" "}
            {answerValue(view.consensus) === "unsure"
              ? "unsure"
              : answerValue(view.consensus) === "not_applicable"
                ? "not applicable"
                : `level ${answerValue(view.consensus)}`}
          </p>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}

type Levels = WorkshopView["question"]["levels"];

/** The answers a vote or the team answer can take, after a "Choose…" that cannot be chosen. */
function AnswerOptions({ levels }: { levels: Levels }) {
  return (
    <>
      <option value="" disabled>
        Choose…
      </option>
      {levels.map((l) => (
        <option key={l.value} value={l.value}>
          {l.value} · {l.label}
        </option>
      ))}
      <option value="unsure">Unsure</option>
      <option value="not_applicable">Not applicable</option>
    </>
  );
}

/** A vote for someone in the room without a device, and the people voted for so far (each can be taken out again). */
export function VoteForForm({ workshopId, levels, votedFor }: { workshopId: string; levels: Levels; votedFor: { id: string; name: string }[] }) {
  const [state, submit] = useActionState(voteForAction, null);
  return (
    <div className={`${panel} space-y-3`}>
      <form action={submit} className="space-y-3" aria-labelledby="vote-for-heading" noValidate>
        <h2 id="vote-for-heading" className="text-lg font-semibold">
          Vote for someone without a device
        </h2>
        <input type="hidden" name="workshopId" value={workshopId} />
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="vote-for-name" className={field.label}>
              Their name
            </label>
            <input id="vote-for-name" name="name" className={field.input} defaultValue={state && !state.ok ? state.values?.name : ""} />
          </div>
          <div>
            <label htmlFor="vote-for-answer" className={field.label}>
              Their vote
            </label>
            <select id="vote-for-answer" name="answer" className={field.input} defaultValue="">
              <AnswerOptions levels={levels} />
            </select>
          </div>
        </div>
        <SubmitButton variant="secondary" pendingText="Adding…">
          Add their vote
        </SubmitButton>
        {state?.ok && (
          <p role="status" className="text-sm font-medium text-green-800">
            Added {state.data.name}&apos;s vote.
          </p>
        )}
        <FormMessage state={state} />
      </form>
      <VotedForList workshopId={workshopId} people={votedFor} />
    </div>
  );
}

/** The people the facilitator votes for: one added by mistake (or who left) is removed with their votes. */
function VotedForList({ workshopId, people }: { workshopId: string; people: { id: string; name: string }[] }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const remove = (person: { id: string; name: string }) => {
    if (!window.confirm(`Remove ${person.name} from the room? Every vote you gave for them goes too.`)) return;
    start(async () => {
      const result = await removeVotedForAction({ workshopId, participantId: person.id });
      setMessage(result.ok ? { ok: true, text: `Removed ${person.name} and their votes.` } : { ok: false, text: result.error });
    });
  };
  return (
    <div className="space-y-1">
      {people.length > 0 && (
        <ul className="flex flex-wrap gap-2 border-t border-stone-200 pt-2" aria-label="People you vote for">
          {people.map((p) => (
            <li key={p.id} className="inline-flex items-center gap-1 rounded-full bg-stone-100 py-0.5 pl-3 pr-1 text-sm">
              {p.name}
              <button type="button" className={button.quiet} disabled={pending} onClick={() => remove(p)} aria-label={`Remove ${p.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={message ? (message.ok ? "text-sm font-medium text-green-800" : field.error) : "sr-only"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}

export function PrivateNoteForm({ workshopId, questionId, note }: { workshopId: string; questionId: string; note: string }) {
  const [state, submit] = useActionState(privateNoteAction, null);
  return (
    <form action={submit} className={`${panel} space-y-2`} aria-labelledby="private-note-heading" noValidate>
      <h2 id="private-note-heading" className="text-lg font-semibold">
        Your private note
      </h2>
      <p className="text-sm text-stone-600">Only you see it: what to follow up, who to ask.</p>
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="questionId" value={questionId} />
      <label htmlFor="private-note" className="sr-only">
        Private note on this question
      </label>
      <textarea id="private-note" name="text" rows={2} defaultValue={note} className={field.input} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save the note
      </SubmitButton>
      {state?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          Saved.
        </p>
      )}
      <FormMessage state={state} />
    </form>
  );
}
