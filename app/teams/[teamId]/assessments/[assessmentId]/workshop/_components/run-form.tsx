"use client";

import { button, field } from "@/components/ui/styles";
import { panel } from "./console-parts";

type Props = {
  questions: { id: string; label: string }[];
  current: string;
  paused: boolean;
  pending: boolean;
  move: (to: "question", questionId: string) => void;
  control: (c: "pause" | "resume" | "end") => void;
};

/** The rarer controls: jump to any question, pause, end. */
export function RunForm({ questions, current, paused, pending, move, control }: Props) {
  return (
    <section className={`${panel} space-y-3`} aria-labelledby="run-heading">
      <h2 id="run-heading" className="text-lg font-semibold">
        Run the workshop
      </h2>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          move("question", String(new FormData(e.currentTarget).get("questionId")));
        }}
      >
        <div className="min-w-0 flex-1">
          <label htmlFor="jump" className={field.label}>
            Go to a question
          </label>
          <select key={current} id="jump" name="questionId" className={field.input} defaultValue={current} disabled={pending}>
            {questions.map((question) => (
              <option key={question.id} value={question.id}>
                {question.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={button.secondary} disabled={pending}>
          Go
        </button>
      </form>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={button.secondary} disabled={pending} onClick={() => control(paused ? "resume" : "pause")}>
          {paused ? "Resume" : "Pause"}
        </button>
        <button
          type="button"
          className={button.secondary}
          disabled={pending}
          onClick={() => {
            if (window.confirm("End the workshop? Nobody can join or vote after this.")) control("end");
          }}
        >
          End the workshop
        </button>
      </div>
    </section>
  );
}
