import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { miniModelYaml } from "@/test/fixtures/mini-model";
import { checkModelFiles, loadModels, ModelFileError, newestModel } from "./load-models";

const folders: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stave-models-"));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("loadModels", () => {
  it("loads every model in a folder, in file-name order, ignoring other files", () => {
    const dir = folder({
      "b.yaml": miniModelYaml({ id: "beta" }),
      "a.yml": miniModelYaml({ id: "alpha" }),
      "notes.txt": "not a model",
    });

    expect(loadModels(dir).map((m) => m.id)).toEqual(["alpha", "beta"]);
  });

  it("throws a ModelFileError naming the broken file, the path and the line", () => {
    const dir = folder({ "good.yaml": miniModelYaml(), "broken.yaml": miniModelYaml({ id: "other", levels: "[None, Some]" }) });
    const error = thrown(() => loadModels(dir));

    expect(error).toBeInstanceOf(ModelFileError);
    const file = path.join(dir, "broken.yaml");
    expect((error as ModelFileError).problems).toEqual([
      {
        file,
        path: "areas[0].questions[0].levels",
        line: 17,
        message: "needs exactly 3 level descriptors (one per scale level), found 2",
      },
    ]);
    expect((error as ModelFileError).message).toBe(
      `Invalid maturity model file:\n  ${file}:17 at areas[0].questions[0].levels: needs exactly 3 level descriptors (one per scale level), found 2`,
    );
  });

  it("throws a ModelFileError for a folder without model files", () => {
    const dir = folder({ "readme.md": "# nothing here" });
    const error = thrown(() => loadModels(dir));

    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as ModelFileError).problems).toEqual([{ file: dir, path: "(folder)", message: "no model files (*.yaml) found" }]);
  });

  it("rejects the same id and version defined in two files", () => {
    const dir = folder({ "one.yaml": miniModelYaml(), "two.yaml": miniModelYaml() });
    const first = path.join(dir, "one.yaml");
    const second = path.join(dir, "two.yaml");

    expect(checkModelFiles(dir).map((c) => [c.file, c.problems])).toEqual([
      [first, []],
      [second, [{ file: second, path: "id", message: `mini@1.0.0 is also defined in ${first}` }]],
    ]);
    expect(() => loadModels(dir)).toThrow(`mini@1.0.0 is also defined in ${first}`);
  });

  it("accepts two versions of one model side by side", () => {
    const dir = folder({ "v1.yaml": miniModelYaml(), "v2.yaml": miniModelYaml({ version: "1.1.0" }) });

    expect(loadModels(dir).map((m) => `${m.id}@${m.version}`)).toEqual(["mini@1.0.0", "mini@1.1.0"]);
  });

  it("loads the shipped models, with devops-core's four areas of 8 to 11 questions each", () => {
    const models = loadModels(path.join(process.cwd(), "content", "models"));
    const core = newestModel(models, "devops-core");

    expect(core).toBeDefined();
    expect(core!.areas.map((a) => a.id)).toEqual(["cicd", "observability", "incident-response", "security"]);
    for (const area of core!.areas) {
      expect(area.questions.length, area.id).toBeGreaterThanOrEqual(8);
      expect(area.questions.length, area.id).toBeLessThanOrEqual(11);
    }
    expect(core!.scale.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
  });
});
