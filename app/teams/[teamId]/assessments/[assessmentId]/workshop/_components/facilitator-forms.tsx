"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { card, field } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import type { WorkshopView } from "@/lib/workshop/view";
import { consensusAction, privateNoteAction, voteForAction } from "../actions";

const answerValue = (v: WorkshopView["consensus"] | NonNullable<WorkshopView["revealed"]>["suggested"]) =>
  !v ? "" : v.kind === "level" ? String(v.level) : v.kind;

export function ConsensusForm({ view }: { view: WorkshopView }) {
  const [state, submit] = useActionState(consensusAction, null);
  const q = view.question;
  const chosen = answerValue(view.consensus) || answerValue(view.revealed?.suggested);
  return (
    <form action={submit} className={`${card} space-y-3`} aria-labelledby="consensus-heading" noValidate>
      <h2 id="consensus-heading" className="text-lg font-semibold">
        The team answer
      </h2>
      <p className="text-sm text-stone-600">
        What the room agreed. It is saved as the team&apos;s answer to this question{view.revealed?.suggested ? "; the median vote is suggested" : ""}.
      </p>
      <input type="hidden" name="workshopId" value={view.id} />
      <input type="hidden" name="questionId" value={q.id} />
      <div>
        <label htmlFor="consensus-answer" className={field.label}>
          Agreed level
        </label>
        <select key={chosen} id="consensus-answer" name="answer" defaultValue={chosen} className={field.input}>
          <option value="" disabled>
            Choose…
          </option>
          {q.levels.map((l) => (
            <option key={l.value} value={l.value}>
              {l.value} · {l.label}
            </option>
          ))}
          <option value="unsure">Unsure</option>
          <option value="not_applicable">Not applicable</option>
        </select>
      </div>
      <div>
        <label htmlFor="consensus-note" className={field.label}>
          Note (optional; the reason, for not applicable)
        </label>
        <textarea
          id="consensus-note"
          name="note"
          rows={2}
          defaultValue={view.consensus?.note ?? ""}
          className={field.input}
          aria-invalid={state && !state.ok && state.fieldErrors?.note ? true : undefined}
          aria-describedby="consensus-note-message"
        />
        <p id="consensus-note-message" className={state && !state.ok && state.fieldErrors?.note ? field.error : "sr-only"}>
          {(state && !state.ok && state.fieldErrors?.note?.[0]) || ""}
        </p>
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…">
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
      <FormMessage state={state} />
    </form>
  );
}

export function VoteForForm({ workshopId, levels }: { workshopId: string; levels: WorkshopView["question"]["levels"] }) {
  const [state, submit] = useActionState(voteForAction, null);
  return (
    <form action={submit} className={`${card} space-y-3`} aria-labelledby="vote-for-heading" noValidate>
      <h2 id="vote-for-heading" className="text-lg font-semibold">
        Vote for someone without a device
      </h2>
      <input type="hidden" name="workshopId" value={workshopId} />
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
        </select>
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
  );
}

export function PrivateNoteForm({ workshopId, questionId, note }: { workshopId: string; questionId: string; note: string }) {
  const [state, submit] = useActionState(privateNoteAction, null);
  return (
    <form action={submit} className={`${card} space-y-3`} aria-labelledby="private-note-heading" noValidate>
      <h2 id="private-note-heading" className="text-lg font-semibold">
        Your private note
      </h2>
      <p className="text-sm text-stone-600">Only you see it: what to follow up, who to ask.</p>
      <input type="hidden" name="workshopId" value={workshopId} />
      <input type="hidden" name="questionId" value={questionId} />
      <label htmlFor="private-note" className="sr-only">
        Private note on this question
      </label>
      <textarea id="private-note" name="text" rows={3} defaultValue={note} className={field.input} />
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
