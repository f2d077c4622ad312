import { secondsLeft, type QuestionState } from "./answering-time";
import type { QuestionnaireOutline } from "./model/questionnaire";

type Area = QuestionnaireOutline["areas"][number];

/**
 * Where each question of a questionnaire stands (done, carried and waiting for review, or open), and
 * what that leaves to do per area and in all: counts and time.
 */
export function answeringProgress(areas: readonly Area[], isAnswered: (id: string) => boolean, isUnreviewed: (id: string) => boolean) {
  const stateOf = (id: string): QuestionState => (isUnreviewed(id) ? "carried" : isAnswered(id) ? "done" : "open");
  const perArea = areas.map((area) => {
    const states = area.questionIds.map(stateOf);
    return {
      done: states.filter((s) => s === "done").length,
      toReview: states.filter((s) => s === "carried").length,
      total: states.length,
      seconds: secondsLeft(area.costs.map((cost, i) => ({ cost, state: states[i]! }))),
    };
  });
  const sum = (key: "done" | "toReview" | "total" | "seconds") => perArea.reduce((n, a) => n + a[key], 0);
  return { perArea, done: sum("done"), toReview: sum("toReview"), total: sum("total"), seconds: sum("seconds"), stateOf };
}

export type AreaProgress = ReturnType<typeof answeringProgress>["perArea"][number];
