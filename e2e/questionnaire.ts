import { expect, type Page } from "@playwright/test";
import type { AnswerValue } from "../lib/answer";
import type { Model, Question } from "../lib/model/schema";

/** Drives the questionnaire as a person would: one area per step, choosing cards. */
export class QuestionnairePage {
  constructor(
    readonly page: Page,
    readonly model: Model,
  ) {}

  numberOf(question: Question) {
    return this.model.areas.flatMap((a) => a.questions).findIndex((q) => q.id === question.id) + 1;
  }

  group(question: Question) {
    return this.page.getByRole("group", { name: `${this.numberOf(question)}. ${question.title}: ${question.prompt}` });
  }

  /** Clicks the card for a choice, as a person does (the radio inside it is visually hidden). */
  async choose(question: Question, name: string) {
    const radio = this.page.getByRole("radio", { name, exact: true });
    await this.group(question).locator("label", { has: radio }).click();
    await expect(this.group(question).getByRole("radio", { name, exact: true })).toBeChecked();
  }

  levelName(level: number) {
    return `${level} ${this.model.scale.find((l) => l.value === level)!.label}`;
  }

  /** Answers a question and waits until that answer is saved (`saved: false` leaves the saving to run on, for answering many). */
  async answer(question: Question, value: AnswerValue, { saved = true } = {}) {
    const group = this.group(question);
    if (value.kind === "level") {
      await this.choose(question, this.levelName(value.level));
    } else if (value.kind === "unsure") {
      await this.choose(question, "Unsure");
    } else {
      await this.choose(question, "Not applicable");
      await group.getByLabel("Why does this not apply? (required)").fill(value.reason);
      await group.getByLabel("Why does this not apply? (required)").blur();
    }
    if (saved) await expect(group.getByRole("status")).toHaveText("Saved");
  }

  async nextArea() {
    await this.page.getByRole("button", { name: /^Next area:/ }).click();
  }

  async answerAll(answers: ReadonlyMap<string, AnswerValue>) {
    for (const [i, area] of this.model.areas.entries()) {
      // Saves run on while the next answers are chosen, as they do for a person; all are awaited at the end.
      for (const question of area.questions) await this.answer(question, answers.get(question.id)!, { saved: false });
      if (i < this.model.areas.length - 1) await this.nextArea();
    }
    await expect(this.page.getByTestId("overall-save-status")).toHaveText("All answers saved");
  }

  async submit() {
    await this.page.getByRole("button", { name: "Submit and see results" }).click();
    await expect(this.page).toHaveURL(/\/results$/);
  }
}

/** On a team page: starts (or continues) the team's assessment and opens its questionnaire. */
export async function startAssessment(page: Page, model: Model): Promise<QuestionnairePage> {
  const start = page.getByRole("button", { name: /Start an assessment|Continue the open assessment/ });
  // The start form offers a Model select when there are several models; an open assessment has its model already.
  const choice = page.getByLabel("Model");
  if ((await choice.count()) > 0) await choice.selectOption({ label: `${model.name} ${model.version}` });
  await start.click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+$/);
  return new QuestionnairePage(page, model);
}

/** A fixed, varied set of answers: a mix of levels, one not applicable and one unsure. */
export function mixedAnswers(model: Model): Map<string, AnswerValue> {
  const answers = new Map<string, AnswerValue>();
  const levels = model.scale.map((l) => l.value);
  model.areas.forEach((area, a) => {
    area.questions.forEach((q, i) => {
      answers.set(q.id, { kind: "level", level: levels[(a * 2 + i) % levels.length]! });
    });
  });
  const third = model.areas[2]!;
  answers.set(third.questions[0]!.id, { kind: "not_applicable", reason: "We run no customer-facing services." });
  answers.set(third.questions[1]!.id, { kind: "unsure" });
  return answers;
}
