import { describe, expect, it } from "vitest";
import { formatProblem, parseModel, type ModelProblem } from "./parse";

// Line numbers in the comments are the 1-based lines the parser must report.
const LINES = [
  "id: mini", // 1
  "version: 1.0.0", // 2
  "name: Mini", // 3
  "scale:", // 4
  "  - { value: 1, label: Low }", // 5
  "  - { value: 2, label: Mid }", // 6
  "  - { value: 3, label: High }", // 7
  "areas:", // 8
  "  - id: build", // 9
  "    name: Build", // 10
  "    summary: How we build.", // 11
  "    questions:", // 12
  "      - id: build-ci", // 13
  "        title: CI", // 14
  "        prompt: Is there CI?", // 15
  "        why: It catches breakage.", // 16
  "        levels: [None, Some, All]", // 17
  "        next: [Add some, Add all]", // 18
  "        references:", // 19
  '          - { label: DORA, url: "https://dora.dev/" }', // 20
  "      - id: build-test", // 21
  "        title: Tests", // 22
  "        prompt: Are there tests?", // 23
  "        why: They catch regressions.", // 24
  "        levels: [None, Some, All]", // 25
  "        next: [Add some, Add all]", // 26
  "  - id: run", // 27
  "    name: Run", // 28
  "    summary: How we run.", // 29
  "    questions:", // 30
  "      - id: run-logs", // 31
  "        title: Logs", // 32
  "        prompt: Are there logs?", // 33
  "        why: They explain failures.", // 34
  "        levels: [None, Some, All]", // 35
  "        next: [Add some, Add all]", // 36
];

const FILE = "content/models/mini.yaml";

/** The model text with some lines replaced (line number → new text; null removes the line). */
function source(changes: Record<number, string | null> = {}, insertAfter?: [line: number, text: string]): string {
  const lines: string[] = [];
  LINES.forEach((text, i) => {
    const line = i + 1;
    const change = changes[line];
    if (change !== null) lines.push(change ?? text);
    if (insertAfter && insertAfter[0] === line) lines.push(insertAfter[1]);
  });
  return `${lines.join("\n")}\n`;
}

function problems(text: string): ModelProblem[] {
  const result = parseModel(text, FILE);
  if (result.ok) throw new Error("expected the model to be rejected");
  return result.problems;
}

describe("parseModel", () => {
  it("parses a valid minimal model", () => {
    const result = parseModel(source(), FILE);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.id).toBe("mini");
    expect(result.model.version).toBe("1.0.0");
    expect(result.model.scale).toEqual([
      { value: 1, label: "Low" },
      { value: 2, label: "Mid" },
      { value: 3, label: "High" },
    ]);
    expect(result.model.areas.map((a) => [a.id, a.questions.map((q) => q.id)])).toEqual([
      ["build", ["build-ci", "build-test"]],
      ["run", ["run-logs"]],
    ]);
    expect(result.model.areas[0]!.questions[0]!.references).toEqual([{ label: "DORA", url: "https://dora.dev/" }]);
  });

  it("reports a YAML syntax error with its line", () => {
    expect(problems(source({ 15: '        prompt: "Is there CI?' }))).toEqual([{ file: FILE, path: "(yaml)", line: 15, message: 'Missing closing "quote' }]);
  });

  it("reports a question without levels at the question's path and line", () => {
    expect(problems(source({ 25: null }))).toEqual([
      {
        file: FILE,
        path: "areas[0].questions[1].levels",
        line: 21,
        message: "is required but missing",
      },
    ]);
  });

  it("reports a question with more level descriptors than the scale has levels", () => {
    expect(problems(source({ 25: "        levels: [a, b, c, d]" }))).toEqual([
      {
        file: FILE,
        path: "areas[0].questions[1].levels",
        line: 25,
        message: "needs exactly 3 level descriptors (one per scale level), found 4",
      },
    ]);
  });

  it("takes practices, evidence per level, a coverage note and the id a question replaces", () => {
    const result = parseModel(
      source({
        3: "name: Mini\ncoverage: Answer for the service in production.",
        18: "        next: [Add some, Add all]\n        practices: [ci-on-every-change]\n        evidence: [Nothing, A CI file, Every run]\n        replaces: build-pipeline",
      }),
      FILE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.coverage).toBe("Answer for the service in production.");
    expect(result.model.areas[0]!.questions[0]).toMatchObject({
      practices: ["ci-on-every-change"],
      evidence: ["Nothing", "A CI file", "Every run"],
      replaces: "build-pipeline",
    });
  });

  it("gives each practice one home: a second question claiming it is refused at its line", () => {
    expect(
      problems(
        source({
          18: "        next: [Add some, Add all]\n        practices: [ci, tests]",
          26: "        next: [Add some, Add all]\n        practices: [tests]",
        }),
      ),
    ).toEqual([
      {
        file: FILE,
        path: "areas[0].questions[1].practices[0]",
        line: 28,
        message: 'practice "tests" is already scored by question "build-ci": give each practice one home',
      },
    ]);
  });

  it("refuses evidence of the wrong length, and a replaced id that is still in the model or replaced twice", () => {
    expect(problems(source({ 18: "        next: [Add some, Add all]\n        evidence: [One, Two]" }))[0]).toMatchObject({
      path: "areas[0].questions[0].evidence",
      message: "needs exactly 3 evidence lines (one per scale level), found 2",
    });
    expect(problems(source({ 18: "        next: [Add some, Add all]\n        replaces: run-logs" })).map((p) => p.message)).toEqual([
      'replaces "run-logs", which is still a question of this model',
    ]);
    expect(
      problems(source({ 18: "        next: [Add some, Add all]\n        replaces: old", 26: "        next: [Add some, Add all]\n        replaces: old" })).map(
        (p) => p.message,
      ),
    ).toEqual(['question "build-ci" already replaces "old"']);
  });

  it("takes a headline per level, and refuses a list of the wrong length or a headline over 12 words", () => {
    const result = parseModel(source({ 18: "        next: [Add some, Add all]\n        headlines: [No CI, CI on some branches, CI on every change]" }), FILE);
    expect(result.ok && result.model.areas[0]!.questions[0]!.headlines).toEqual(["No CI", "CI on some branches", "CI on every change"]);
    expect(problems(source({ 18: "        next: [Add some, Add all]\n        headlines: [One, Two]" }))).toEqual([
      { file: FILE, path: "areas[0].questions[0].headlines", line: 19, message: "needs exactly 3 headlines (one per scale level), found 2" },
    ]);
    const long = "one two three four five six seven eight nine ten eleven twelve thirteen";
    expect(problems(source({ 18: `        next: [Add some, Add all]\n        headlines: [None, Some, ${long}]` }))).toEqual([
      { file: FILE, path: "areas[0].questions[0].headlines[2]", line: 19, message: "must be at most 12 words" },
    ]);
  });

  it("refuses a YAML bomb (aliases expanding exponentially) before it expands", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n");
    expect(problems(bomb)).toEqual([
      { file: FILE, path: "(yaml)", message: "uses too many aliases (*references* to &anchors): it would expand without limit" },
    ]);
  });

  it("reports a question with the wrong number of next-level steps", () => {
    expect(problems(source({ 36: "        next: [Add all]" }))).toEqual([
      {
        file: FILE,
        path: "areas[1].questions[0].next",
        line: 36,
        message: "needs exactly 2 next-level steps (one per level below the top), found 1",
      },
    ]);
  });

  it("reports a question id used twice, even across areas", () => {
    expect(problems(source({ 31: "      - id: build-ci" }))).toEqual([
      { file: FILE, path: "areas[1].questions[0].id", line: 31, message: 'duplicate question id "build-ci"' },
    ]);
  });

  it("reports an area id used twice", () => {
    expect(problems(source({ 27: "  - id: build" }))).toEqual([{ file: FILE, path: "areas[1].id", line: 27, message: 'duplicate area id "build"' }]);
  });

  it("reports a scale of one level", () => {
    expect(
      problems(
        source({
          6: null,
          7: null,
          17: "        levels: [None]",
          18: "        next: []",
          25: "        levels: [None]",
          26: "        next: []",
          35: "        levels: [None]",
          36: "        next: []",
        }),
      ),
    ).toEqual([{ file: FILE, path: "scale", line: 5, message: "a scale needs at least two levels" }]);
  });

  it("reports a scale whose values do not ascend", () => {
    expect(problems(source({ 6: "  - { value: 3, label: Mid }" }))).toEqual([
      { file: FILE, path: "scale[2].value", line: 7, message: "scale values must ascend" },
    ]);
  });

  it("reports a version that is not a semantic version", () => {
    expect(problems(source({ 2: "version: v1.0" }))).toEqual([{ file: FILE, path: "version", line: 2, message: "must be a semantic version such as 1.0.0" }]);
    // Unquoted, YAML reads 1.0 as a number.
    expect(problems(source({ 2: "version: 1.0" }))).toEqual([
      { file: FILE, path: "version", line: 2, message: "Invalid input: expected string, received number" },
    ]);
  });

  it("reports a key the format does not know, at the object holding it", () => {
    expect(problems(source({}, [15, "        colour: red"]))).toEqual([
      { file: FILE, path: "areas[0].questions[0]", line: 13, message: 'Unrecognized key: "colour"' },
    ]);
    expect(problems(source({}, [1, "colour: red"]))).toEqual([{ file: FILE, path: "(root)", line: 1, message: 'Unrecognized key: "colour"' }]);
  });

  it("reports a reference whose URL is not http(s)", () => {
    expect(problems(source({ 20: '          - { label: DORA, url: "ftp://dora.dev/" }' }))).toEqual([
      { file: FILE, path: "areas[0].questions[0].references[0].url", line: 20, message: "must be an http(s) URL" },
    ]);
    expect(problems(source({ 20: '          - { label: DORA, url: "not a url" }' }))[0]!.path).toBe("areas[0].questions[0].references[0].url");
  });

  it("reports an id that is not kebab-case", () => {
    expect(problems(source({ 9: "  - id: Build_Area" }))).toEqual([
      {
        file: FILE,
        path: "areas[0].id",
        line: 9,
        message: "must be lower-case kebab-case (a-z, 0-9 and single hyphens)",
      },
    ]);
  });

  it("reports every problem in the file, not only the first", () => {
    const found = problems(source({ 2: "version: v1", 25: "        levels: [a]", 31: "      - id: build-ci" }));

    expect(found.map((p) => [p.path, p.line])).toEqual([
      ["version", 2],
      ["areas[0].questions[1].levels", 25],
      ["areas[1].questions[0].id", 31],
    ]);
  });
});

describe("formatProblem", () => {
  it("names the file, the line and the path", () => {
    expect(formatProblem({ file: FILE, path: "areas[0].id", line: 9, message: "bad" })).toBe("content/models/mini.yaml:9 at areas[0].id: bad");
    expect(formatProblem({ file: FILE, path: "(folder)", message: "empty" })).toBe("content/models/mini.yaml at (folder): empty");
  });
});
