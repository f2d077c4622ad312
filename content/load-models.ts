import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatProblem, parseModel, type ModelProblem } from "@/lib/model/parse";
import type { Model } from "@/lib/model/schema";
import { newestVersion } from "@/lib/model/version";

export class ModelFileError extends Error {
  constructor(readonly problems: ModelProblem[]) {
    super(`Invalid maturity model file:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.name = "ModelFileError";
  }
}

export type ModelCheck = { file: string; model?: Model; problems: ModelProblem[] };

/** Reads and validates every *.yaml model in a folder, reporting each file's problems. */
export function checkModelFiles(dir: string): ModelCheck[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const checks = files.map<ModelCheck>((name) => {
    const file = path.join(dir, name);
    const result = parseModel(readFileSync(file, "utf8"), file);
    return result.ok ? { file, model: result.model, problems: [] } : { file, problems: result.problems };
  });
  const seen = new Map<string, string>();
  for (const check of checks) {
    if (!check.model) continue;
    const key = `${check.model.id}@${check.model.version}`;
    const other = seen.get(key);
    if (other) check.problems.push({ file: check.file, path: "id", message: `${key} is also defined in ${other}` });
    seen.set(key, check.file);
  }
  return checks;
}

/** Every model in the folder; throws ModelFileError naming each broken file. */
export function loadModels(dir: string): Model[] {
  const checks = checkModelFiles(dir);
  const problems = checks.flatMap((c) => c.problems);
  if (problems.length > 0) throw new ModelFileError(problems);
  if (checks.length === 0) throw new ModelFileError([{ file: dir, path: "(folder)", message: "no model files (*.yaml) found" }]);
  return checks.map((c) => c.model!);
}

/** The newest version of one model among loaded ones. */
export const newestModel = (models: readonly Model[], id: string): Model | undefined => newestVersion(models.filter((m) => m.id === id));
