import type { ModelProblem } from "./parse";
import type { SammResult } from "./samm";
import type { Model } from "./schema";

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
