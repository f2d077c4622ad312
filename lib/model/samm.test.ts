import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { ModelProblem } from "./parse";
import { importSamm, type SammFiles, type SammResult } from "./samm";
import { sammFixtureFiles, sammFixturePath, sammId } from "./samm-fixtures";
import { kebab, truncate } from "./samm-texts";
import { modelSchema, type Model } from "./schema";

function imported(result: SammResult): { model: Model; questions: number } {
  if (!result.ok) throw new Error(`expected a model, got problems:\n${result.problems.map((p) => `${p.file} at ${p.path}: ${p.message}`).join("\n")}`);
  return result;
}

function problemsOf(result: SammResult): ModelProblem[] {
  if (result.ok) throw new Error("expected problems, got a model");
  return result.problems;
}

function edit(files: Map<string, string>, path: string, from: string | RegExp, to: string): Map<string, string> {
  const text = files.get(path);
  if (text === undefined || !text.match(from)) throw new Error(`${path} has no ${String(from)}`);
  files.set(path, text.replace(from, to));
  return files;
}

const path = sammFixturePath;

describe("importSamm", () => {
  it("makes one area per business function, in SAMM's order, holding the questions of all its practices", () => {
    const { model, questions } = imported(importSamm(sammFixtureFiles(), { areas: "functions" }));
    expect(model.areas.map((a) => a.id)).toEqual(["governance", "design"]);
    expect(model.areas.map((a) => a.name)).toEqual(["Governance", "Design"]);
    expect(model.areas[1]!.summary).toBe("Design concerns how an organization defines goals and creates software.");
    // Threat Assessment (order 1) before Secure Architecture (order 3); stream A before B; level 1 before 2.
    expect(model.areas[1]!.questions.map((q) => q.id)).toEqual([
      "d-ta-a-1",
      "d-ta-a-2",
      "d-ta-b-1",
      "d-ta-b-2",
      "d-sa-a-1",
      "d-sa-a-2",
      "d-sa-b-1",
      "d-sa-b-2",
    ]);
    expect(questions).toBe(12);
    expect(model.description).toContain("one area per business function");
  });

  it("makes one area per security practice, ids from the function's and practice's names", () => {
    const { model, questions } = imported(importSamm(sammFixtureFiles(), { areas: "practices" }));
    expect(model.areas.map((a) => a.id)).toEqual(["governance-strategy-metrics", "design-threat-assessment", "design-secure-architecture"]);
    expect(model.areas[2]).toMatchObject({ name: "Secure Architecture", summary: "The Secure Architecture practice, in one sentence." });
    expect(model.areas[2]!.questions.map((q) => q.id)).toEqual(["d-sa-a-1", "d-sa-a-2", "d-sa-b-1", "d-sa-b-2"]);
    expect(questions).toBe(12);
    expect(model.description).toContain("one area per security practice");
  });

  it("uses the given id, version and name, else SAMM's, and credits SAMM under its licence", () => {
    const defaults = imported(importSamm(sammFixtureFiles(), { areas: "functions" })).model;
    expect(defaults).toMatchObject({ id: "owasp-samm", version: "2.0.0", name: "OWASP SAMM" });
    expect(defaults.description).toMatch(
      /OWASP SAMM v2 core model \(owaspsamm\/core\).*© OWASP SAMM project.*CC BY-SA 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\/\)/,
    );
    const named = imported(importSamm(sammFixtureFiles(), { areas: "functions", id: "samm-lite", version: "2.2.0", name: "SAMM lite" })).model;
    expect(named).toMatchObject({ id: "samm-lite", version: "2.2.0", name: "SAMM lite" });
  });

  it("builds each question from its activity, question and answer set, and one 1..4 scale from SAMM's scores", () => {
    const { model } = imported(importSamm(sammFixtureFiles(), { areas: "practices" }));
    expect(model.scale).toEqual([
      { value: 1, label: "None (SAMM 0)" },
      { value: 2, label: "Partial (SAMM 0.25)" },
      { value: 3, label: "Partial (SAMM 0.5)" },
      { value: 4, label: "Full (SAMM 1)" },
    ]);
    const [a1, , , b2] = model.areas[2]!.questions;
    expect(a1).toMatchObject({
      title: "Adhere to basic security principles",
      prompt: "Do teams use security principles during design?",
      why: "Benefit of D-SA-1-A",
      levels: ["No", "Yes, for some applications", "Yes, for at least half of the applications", "Yes, for most or all of the applications"],
    });
    expect(b2!.levels).toEqual(["No", "Yes, but we do it ad-hoc", "Yes, we do it regularly", "Yes, we do it continuously"]);
    expect(b2!.evidence).toEqual([
      "Nothing to show yet: SAMM's quality criteria for a “yes” are not met.",
      "For “Yes, but we do it ad-hoc”, an assessor checks SAMM's quality criteria: You have criterion one of D-SA-2-B; You review criterion two of D-SA-2-B.",
      "For “Yes, we do it regularly”, an assessor checks SAMM's quality criteria: You have criterion one of D-SA-2-B; You review criterion two of D-SA-2-B.",
      "For “Yes, we do it continuously”, an assessor checks SAMM's quality criteria: You have criterion one of D-SA-2-B; You review criterion two of D-SA-2-B.",
    ]);
    expect(b2!.next).toEqual([
      "Start: Short description of D-SA-2-B, folded over two lines. Aim for “Yes, but we do it ad-hoc”, meeting SAMM's quality criteria: You have criterion one of D-SA-2-B; You review criterion two of D-SA-2-B.",
      "Build on “Yes, but we do it ad-hoc”: Short description of D-SA-2-B, folded over two lines. Aim for “Yes, we do it regularly”, with SAMM's quality criteria still met.",
      "Build on “Yes, we do it regularly”: Short description of D-SA-2-B, folded over two lines. Aim for “Yes, we do it continuously”, with SAMM's quality criteria still met.",
    ]);
  });

  it("shortens a long activity title at a word and adds a missing question mark", () => {
    const { model } = imported(importSamm(sammFixtureFiles(), { areas: "practices" }));
    const question = model.areas[1]!.questions.find((q) => q.id === "d-ta-b-2")!;
    expect(question.title).toBe("Maintain a shared, versioned and regularly reviewed library of threat models…");
    expect(question.title.length).toBeLessThanOrEqual(80);
    expect(question.prompt).toBe("Do you keep a threat model library?");
  });

  it("keeps an unquoted answer No as the text No, and an all-digit GUID as written", () => {
    const files = sammFixtureFiles();
    expect(files.get(path("answer_sets", "A"))).toContain("\n- text: No\n");
    expect(files.get(path("maturity_levels", "1"))).toContain(`id: ${sammId("maturity:1")}\n`);
    const { model } = imported(importSamm(files, { areas: "functions" }));
    for (const question of model.areas.flatMap((a) => a.questions)) expect(question.levels[0]).toBe("No");
    // Level 1's id is 000…001: read as the number 1, no practice level would find its maturity level.
    expect(model.areas[0]!.questions.map((q) => q.id)).toContain("g-sm-a-1");
  });

  it("ignores files without a SAMM type, editorial fields, translations and broken non-model YAML", () => {
    const all = sammFixtureFiles();
    const onlyModel = new Map([...all].filter(([p]) => p.startsWith("model/") && p.endsWith(".yml")));
    expect(all.get(path("security_practices", "D-Secure-Architecture"))).toContain("assignee: John Ellingsworth");
    expect(all.has("de/D-SA-1-A.yml") && all.has("texts/broken.yml") && all.has("README.md")).toBe(true);
    expect(importSamm(all, { areas: "functions" })).toEqual(importSamm(onlyModel, { areas: "functions" }));
  });

  it("reads any folder layout, with or without an archive's root folder", () => {
    const plain = imported(importSamm(sammFixtureFiles(), { areas: "practices" })).model;
    expect(imported(importSamm(sammFixtureFiles("core-2.2.0/"), { areas: "practices" })).model).toEqual(plain);
    const flat = new Map([...sammFixtureFiles()].filter(([p]) => p.startsWith("model/")).map(([p, text]) => [`samm/${p.slice("model/".length)}`, text]));
    expect(imported(importSamm(flat, { areas: "practices" })).model).toEqual(plain);
  });

  it("returns only models that pass the model schema", () => {
    for (const areas of ["functions", "practices"] as const) {
      const { model } = imported(importSamm(sammFixtureFiles(), { areas }));
      expect(modelSchema.safeParse(model).success).toBe(true);
    }
    expect(problemsOf(importSamm(sammFixtureFiles(), { areas: "functions", id: "Not Kebab" }))).toEqual([
      { file: "(imported model)", path: "id", message: "must be lower-case kebab-case (a-z, 0-9 and single hyphens)" },
    ]);
  });

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

  it("accepts SAMM's variants: an answerset spelt in lower case, a second question for an activity, missing criteria", () => {
    const files = edit(sammFixtureFiles(), path("questions", "G-SM-1-A"), /^answerSet:/m, "answerset:");
    const first = files.get(path("questions", "D-SA-1-A"))!;
    files.set("model/questions/D-SA-1-A-2.yml", first.replace(/^id: \w+$/m, "id: second").replace(/^order: 1$/m, "order: 2"));
    edit(files, path("questions", "D-SA-2-A"), /^quality:\n(- .*\n)+/m, "");
    edit(files, path("activities", "D-SA-2-A"), /^benefit: .*\n/m, "");
    const { model, questions } = imported(importSamm(files, { areas: "practices" }));
    expect(questions).toBe(13);
    expect(model.areas[0]!.questions[0]!.levels[1]).toBe("Yes, for some applications");
    const sa = model.areas[2]!.questions;
    expect(sa.map((q) => q.id)).toEqual(["d-sa-a-1", "d-sa-a-1-2", "d-sa-a-2", "d-sa-b-1", "d-sa-b-2"]);
    expect(sa[2]).toMatchObject({
      why: "Short description of D-SA-2-A, folded over two lines.",
      evidence: [
        "Nothing to show yet.",
        ...["Yes, for some applications", "Yes, for at least half of the applications", "Yes, for most or all of the applications"].map(
          (a) => `For “${a}”, an assessor checks that the activity is done to that extent.`,
        ),
      ],
    });
    expect(sa[2]!.next[1]).toBe(
      "Build on “Yes, for some applications”: Short description of D-SA-2-A, folded over two lines. Aim for “Yes, for at least half of the applications”.",
    );
  });

  it("labels a scale level by its position where answer sets disagree on SAMM's score", () => {
    const files = edit(sammFixtureFiles(), path("answer_sets", "K"), /value: 0\.25/, "value: 0.3");
    expect(imported(importSamm(files, { areas: "functions" })).model.scale.map((l) => l.label)).toEqual([
      "None (SAMM 0)",
      "Level 2",
      "Partial (SAMM 0.5)",
      "Full (SAMM 1)",
    ]);
  });

  it("imports the real SAMM excerpt", () => {
    const root = join(process.cwd(), "fixtures", "samm-sample");
    const files = new Map<string, string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.set(`core-2.2.0/${relative(root, full)}`, readFileSync(full, "utf8"));
      }
    };
    walk(root);
    const sample: SammFiles = files;
    const byFunction = imported(importSamm(sample, { areas: "functions" }));
    const byPractice = imported(importSamm(sample, { areas: "practices" }));
    expect(byFunction.model.areas.map((a) => [a.id, a.questions.length])).toEqual([["design", 6]]);
    expect(byPractice.model.areas.map((a) => [a.id, a.questions.length])).toEqual([["design-secure-architecture", 6]]);
    expect(byFunction.questions).toBe(6);
    const questions = byPractice.model.areas[0]!.questions;
    expect(questions.map((q) => q.id)).toEqual(["d-sa-a-1", "d-sa-a-2", "d-sa-a-3", "d-sa-b-1", "d-sa-b-2", "d-sa-b-3"]);
    expect(questions[0]).toMatchObject({
      title: "Adhere to basic security principles",
      prompt: "Do teams use security principles during design?",
      levels: ["No", "Yes, for some applications", "Yes, for at least half of the applications", "Yes, for most or all of the applications"],
    });
    expect(questions[4]!.levels).toEqual([
      "No",
      "Yes, for some of the technology domains",
      "Yes, for at least half of the technology domains",
      "Yes, for most or all of the technology domains",
    ]);
    expect(modelSchema.safeParse(byFunction.model).success).toBe(true);
  });
});

describe("SAMM texts", () => {
  it("makes kebab-case ids from names and shortens at a word, or mid-word when one word is too long", () => {
    expect(kebab("Strategy & Metrics")).toBe("strategy-metrics");
    expect(kebab("Éducation")).toBe("education");
    expect(truncate("alpha beta gamma", 12)).toBe("alpha beta…");
    expect(truncate("abcdefghijklmnop", 8)).toBe("abcdefg…");
  });
});
