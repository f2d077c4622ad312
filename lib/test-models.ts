import type { AnswerValue } from "./answer";
import type { Model } from "./model/schema";

/** Builds small, valid models for tests. Pure: no I/O, same input → same model. */
export type TestAreaSpec = { id: string; name?: string; questions: number | readonly string[] };

export type TestModelSpec = {
  id?: string;
  version?: string;
  name?: string;
  /** Scale values in ascending order; default 1..5. */
  scale?: readonly number[];
  areas: readonly TestAreaSpec[];
};

export function testModel(spec: TestModelSpec): Model {
  const scale = spec.scale ?? [1, 2, 3, 4, 5];
  return {
    id: spec.id ?? "test-model",
    version: spec.version ?? "1.0.0",
    name: spec.name ?? "Test model",
    scale: scale.map((value) => ({ value, label: `Level ${value}` })),
    areas: spec.areas.map((area) => ({
      id: area.id,
      name: area.name ?? area.id,
      summary: `Summary of ${area.id}.`,
      questions: (typeof area.questions === "number" ? Array.from({ length: area.questions }, (_, i) => `${area.id}-q${i + 1}`) : area.questions).map(
        (questionId) => ({
          id: questionId,
          title: `Question ${questionId}`,
          prompt: `Prompt for ${questionId}?`,
          why: `Why ${questionId} matters.`,
          levels: scale.map((v) => `Descriptor ${v}`),
          next: scale.slice(1).map((v) => `Step to ${v}`),
        }),
      ),
    })),
  };
}

export const level = (n: number): AnswerValue => ({ kind: "level", level: n });
export const unsure: AnswerValue = { kind: "unsure" };
export const notApplicable = (reason = "Not relevant here"): AnswerValue => ({ kind: "not_applicable", reason });

/** An answer map from [questionId, answer] pairs. */
export const answersOf = (entries: Record<string, AnswerValue>): Map<string, AnswerValue> => new Map(Object.entries(entries));
