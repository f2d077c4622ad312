import { describe, expect, it } from "vitest";
import { importSamm } from "./samm";
import { sammFixtureFiles, sammFixturePath, sammId } from "./samm-fixtures";
import { edit, problemsOf } from "./test-samm";

const path = sammFixturePath;

describe("importSamm on broken files", () => {
  it("names the file, field and missing id of every dangling reference", () => {
    const files = sammFixtureFiles();
    const line = (field: string) => new RegExp(`^${field}: \\w+$`, "m");
    edit(files, path("security_practices", "G-Strategy-Metrics"), line("function"), "function: f0");
    edit(files, path("streams", "D-TA-A"), line("practice"), "practice: p0");
    edit(files, path("practice_levels", "D-TA-2"), line("practice"), "practice: p1");
    edit(files, path("practice_levels", "D-SA-1"), line("maturityLevel"), "maturityLevel: m0");
    edit(files, path("activities", "D-SA-2-A"), line("stream"), "stream: s0");
    edit(files, path("activities", "D-SA-2-B"), line("level"), "level: l0");
    edit(files, path("questions", "G-SM-1-A"), line("activity"), "activity: a0");
    edit(files, path("questions", "D-SA-1-A"), line("answerSet"), "answerSet: f77");
    const problems = problemsOf(importSamm(files, { areas: "functions" }));
    expect(problems.map(({ file, path, message }) => ({ file, path, message }))).toEqual([
      { file: path("security_practices", "G-Strategy-Metrics"), path: "function", message: 'no business function has id "f0"' },
      { file: path("streams", "D-TA-A"), path: "practice", message: 'no practice has id "p0"' },
      { file: path("practice_levels", "D-TA-2"), path: "practice", message: 'no practice has id "p1"' },
      { file: path("practice_levels", "D-SA-1"), path: "maturityLevel", message: 'no maturity level has id "m0"' },
      { file: path("activities", "D-SA-2-A"), path: "stream", message: 'no stream has id "s0"' },
      { file: path("activities", "D-SA-2-B"), path: "level", message: 'no practice level has id "l0"' },
      { file: path("questions", "G-SM-1-A"), path: "activity", message: 'no activity has id "a0"' },
      { file: path("questions", "D-SA-1-A"), path: "answerSet", message: 'no answer set has id "f77"' },
    ]);
    expect(problems.find((p) => p.path === "answerSet")!.line).toBe(6);
  });

  it("refuses an activity whose stream and practice level belong to different practices", () => {
    const files = edit(sammFixtureFiles(), path("activities", "D-SA-1-A"), /^level: \w+$/m, `level: ${sammId("level:D-TA-1")}`);
    expect(problemsOf(importSamm(files, { areas: "functions" }))).toEqual([
      expect.objectContaining({
        file: path("activities", "D-SA-1-A"),
        path: "level",
        message: `practice level "${sammId("level:D-TA-1")}" belongs to another practice than stream "${sammId("stream:D-SA-A")}"`,
      }),
    ]);
  });

  it("refuses duplicate ids, naming both files", () => {
    const files = sammFixtureFiles();
    files.set("model/activities/D-SA-1-A2.yml", files.get(path("activities", "D-SA-1-A"))!);
    expect(problemsOf(importSamm(files, { areas: "functions" }))).toEqual([
      {
        file: "model/activities/D-SA-1-A2.yml",
        path: "id",
        line: 7,
        message: `duplicate activity id "${sammId("activity:D-SA-1-A")}": ${path("activities", "D-SA-1-A")} has it too`,
      },
    ]);
  });

  it("refuses SAMM files that would give two questions one id", () => {
    const files = edit(sammFixtureFiles(), path("streams", "D-SA-B"), /^letter: B$/m, "letter: A");
    const problems = problemsOf(importSamm(files, { areas: "practices" }));
    expect(problems.map((p) => p.message)).toEqual([
      `gives question id "d-sa-a-1", as ${path("questions", "D-SA-1-A")} does`,
      `gives question id "d-sa-a-2", as ${path("questions", "D-SA-2-A")} does`,
    ]);
  });

  it("refuses answer sets of different lengths, naming them", () => {
    const files = edit(
      sammFixtureFiles(),
      path("answer_sets", "K"),
      /\s+#level\n- text: Yes, we do it regularly\n {2}value: 0\.5\n {2}weight: 1\n {2}order: 2/,
      "",
    );
    expect(problemsOf(importSamm(files, { areas: "functions" }))).toEqual([
      expect.objectContaining({
        file: path("answer_sets", "K"),
        path: "values",
        message: `has 3 answers where ${path("answer_sets", "A")} has 4: a model has one scale, so every answer set needs the same number of answers`,
      }),
    ]);
  });

  it("reports a missing or mistyped field with its file, field and line", () => {
    const files = edit(sammFixtureFiles(), path("security_practices", "D-Secure-Architecture"), /^shortName: SA\n/m, "");
    edit(files, path("maturity_levels", "2"), /^number: 2$/m, "number: two");
    const problems = problemsOf(importSamm(files, { areas: "functions" }));
    expect(problems).toEqual([
      { file: path("maturity_levels", "2"), path: "number", line: 8, message: "Invalid input: expected number, received string" },
      { file: path("security_practices", "D-Secure-Architecture"), path: "shortName", line: 5, message: "is required but missing" },
    ]);
  });

  it("reports a model file that is not YAML, and an archive without questions", () => {
    const files = edit(sammFixtureFiles(), path("questions", "D-SA-1-A"), /^text: (.*)$/m, "text: [unclosed");
    expect(problemsOf(importSamm(files, { areas: "functions" }))[0]).toMatchObject({ file: path("questions", "D-SA-1-A"), path: "(yaml)" });
    const bomb = Array.from({ length: 12 }, (_, i) => (i === 0 ? "l0: &l0 [x, x]" : `l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`));
    const bombed = sammFixtureFiles().set("model/questions/bomb.yml", [...bomb, "type: Question", ""].join("\n"));
    expect(problemsOf(importSamm(bombed, { areas: "functions" }))).toEqual([
      { file: "model/questions/bomb.yml", path: "(yaml)", message: "cannot be read as YAML (too many aliases?)" },
    ]);
    const noQuestions = new Map([...sammFixtureFiles()].filter(([p]) => !p.includes("/questions/")));
    expect(problemsOf(importSamm(noQuestions, { areas: "functions" }))).toEqual([
      { file: "(archive)", path: "(root)", message: "holds no SAMM question (no YAML file with type: Question)" },
    ]);
  });
});
