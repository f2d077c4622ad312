import { describe, expect, it } from "vitest";
import { importSamm } from "./samm";
import { sammExcerptFiles, sammFixtureFiles, sammFixturePath, sammId } from "./samm-fixtures";
import { kebab, truncate } from "./samm-texts";
import { modelSchema } from "./schema";
import { edit, imported, problemsOf } from "./test-samm";

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
    expect(defaults).toMatchObject({ id: "owasp-samm-business-functions", version: "2.2.0", name: "OWASP SAMM by business function" });
    // The other choice is another model: a different id and name, so both can be published side by side.
    const practices = imported(importSamm(sammFixtureFiles(), { areas: "practices" })).model;
    expect(practices).toMatchObject({ id: "owasp-samm-security-practices", version: "2.2.0", name: "OWASP SAMM by security practice" });
    expect(defaults.description).toMatch(
      /^Adapted from the OWASP SAMM v2\.2\.0 core model \(https:\/\/github\.com\/owaspsamm\/core\).*word for word.*© OWASP SAMM project.*CC BY-SA 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\/\); this adaptation/,
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
    const sample = sammExcerptFiles();
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

  it("declares SAMM's scoring: answers 0 to 1, streams summed, practices and functions averaged, 0 to 3, shown to two decimals", () => {
    const byFunction = imported(importSamm(sammExcerptFiles(), { areas: "functions" })).model;
    const byPractice = imported(importSamm(sammExcerptFiles(), { areas: "practices" })).model;
    expect(byFunction.scoring).toEqual({ levels: [0, 0.25, 0.5, 1], rollup: ["mean", "mean", "sum"], range: { min: 0, max: 3 }, decimals: 2 });
    expect(byPractice.scoring).toEqual({ levels: [0, 0.25, 0.5, 1], rollup: ["mean", "sum"], range: { min: 0, max: 3 }, decimals: 2 });
    expect(byFunction.areas[0]!.questions.map((q) => q.groups)).toEqual([
      ["sa", "a"],
      ["sa", "a"],
      ["sa", "a"],
      ["sa", "b"],
      ["sa", "b"],
      ["sa", "b"],
    ]);
    expect(byPractice.areas[0]!.questions.map((q) => q.groups!.join())).toEqual(["a", "a", "a", "b", "b", "b"]);
  });

  it("names the groups as SAMM names its practices and streams", () => {
    const byFunction = imported(importSamm(sammExcerptFiles(), { areas: "functions" })).model;
    const byPractice = imported(importSamm(sammExcerptFiles(), { areas: "practices" })).model;
    expect(byFunction.areas[0]!.groups).toEqual({ sa: "Secure Architecture", "sa/a": "Architecture Design", "sa/b": "Technology Management" });
    expect(byPractice.areas[0]!.groups).toEqual({ a: "Architecture Design", b: "Technology Management" });
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
