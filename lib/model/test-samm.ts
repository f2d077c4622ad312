import type { AnswerValue } from "../answer";
import { testModel } from "../test-models";
import type { ModelProblem } from "./parse";
import type { SammResult } from "./samm";
import { modelSchema, type Model } from "./schema";

/** The imported model, or a thrown error listing the problems, so a failing test says why. */
export function imported(result: SammResult): { model: Model; questions: number } {
  if (!result.ok) throw new Error(`expected a model, got problems:\n${result.problems.map((p) => `${p.file} at ${p.path}: ${p.message}`).join("\n")}`);
  return result;
}

/** The problems of a refused import; throws if a model came back. */
export function problemsOf(result: SammResult): ModelProblem[] {
  if (result.ok) throw new Error("expected problems, got a model");
  return result.problems;
}

/** Replaces text in one file of the tree, throwing if the text is not there, so an edit that no longer applies fails loudly. */
export function edit(files: Map<string, string>, path: string, from: string | RegExp, to: string): Map<string, string> {
  const text = files.get(path);
  if (text === undefined || !text.match(from)) throw new Error(`${path} has no ${String(from)}`);
  files.set(path, text.replace(from, to));
  return files;
}

/**
 * Three SAMM-shaped security practices (areas of streams, each stream the sum of its answers, a
 * practice the mean of its streams) whose scores all show as 1.1 to one decimal, worked by hand:
 * - threat assessment: A 1 + 0.5 + 0 = 1.5, B 0.5 + 0.25 + 0 = 0.75; (1.5 + 0.75) ÷ 2 = 1.125 → 1.13
 * - secure build: A 1 + 0.25 + 0 = 1.25, B 1, C 1; 3.25 ÷ 3 = 1.0833… → 1.08
 * - defect management: A 1 + 0.25 + 0 = 1.25, B 1, C 1, D 1; 4.25 ÷ 4 = 1.0625 → 1.06
 * With SAMM's two decimals the weakest stave is defect management alone; with one, all three tie.
 */
export function sammTieExample(decimals: number | undefined): { model: Model; answers: Map<string, AnswerValue> } {
  const [NO, SOME, HALF, ALL] = [1, 2, 3, 4];
  const practices: Record<string, Record<string, number[]>> = {
    "threat-assessment": { a: [ALL, HALF, NO], b: [HALF, SOME, NO] },
    "secure-build": { a: [ALL, SOME, NO], b: [ALL], c: [ALL] },
    "defect-management": { a: [ALL, SOME, NO], b: [ALL], c: [ALL], d: [ALL] },
  };
  const answers = new Map<string, AnswerValue>();
  const base = testModel({ scale: [1, 2, 3, 4], areas: Object.keys(practices).map((id) => ({ id, questions: 1 })) });
  const model = modelSchema.parse({
    ...base,
    scoring: { levels: [0, 0.25, 0.5, 1], rollup: ["mean", "sum"], range: { min: 0, max: 3 }, ...(decimals !== undefined && { decimals }) },
    areas: base.areas.map((area) => ({
      ...area,
      groups: { a: "Stream A", b: "Stream B" },
      questions: Object.entries(practices[area.id]!).flatMap(([stream, levels]) =>
        levels.map((value, i) => {
          const id = `${area.id}-${stream}-${i + 1}`;
          answers.set(id, { kind: "level", level: value });
          return { ...area.questions[0]!, id, groups: [stream] };
        }),
      ),
    })),
  });
  return { model, answers };
}
