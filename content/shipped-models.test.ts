import path from "node:path";
import { describe, expect, it } from "vitest";
import { changesText, modelChanges } from "@/lib/model/changes";
import { questionsOf } from "@/lib/model/lookup";
import { HEADLINE_MAX_WORDS, type Model, type Question } from "@/lib/model/schema";
import { loadModels, newestModel } from "./load-models";

// The content a consultant reads: the newest version of each shipped model is held to the bar of
// the content bar a consultant would defend (one home per practice, evidence for every level, current names for the DORA metrics).

const shipped = loadModels(path.join(process.cwd(), "content", "models"));
const newest = [...new Set(shipped.map((m) => m.id))].map((id) => newestModel(shipped, id)!);
const core = newest.find((m) => m.id === "devops-core")!;
const allText = (model: Model) => JSON.stringify(model).toLowerCase();

describe.each(newest.map((m) => [`${m.id} ${m.version}`, m] as const))("the shipped model %s", (_name, model) => {
  it("gives every practice one home: no two questions claim the same practice", () => {
    const homes = new Map<string, string[]>();
    for (const { question } of questionsOf(model)) for (const p of question.practices ?? []) homes.set(p, [...(homes.get(p) ?? []), question.id]);
    expect([...homes].filter(([, ids]) => ids.length > 1)).toEqual([]);
    expect(
      questionsOf(model)
        .filter(({ question }) => !question.practices?.length)
        .map(({ question }) => question.id),
    ).toEqual([]);
  });

  it("keeps each area at 8 to 11 questions, each with evidence for every level and a reference", () => {
    for (const area of model.areas) expect(area.questions.length, area.id).toSatisfy((n: number) => n >= 8 && n <= 11);
    const missing = questionsOf(model).filter(({ question }) => question.evidence?.length !== model.scale.length || !question.references?.length);
    expect(missing.map(({ question }) => question.id)).toEqual([]);
  });

  it("gives every level a headline of at most 12 words, so a first assessment reads in lines", () => {
    for (const { question } of questionsOf(model)) {
      expect(question.headlines, question.id).toHaveLength(model.scale.length);
      for (const headline of question.headlines!) expect(headline.split(/\s+/).length, `${question.id}: ${headline}`).toBeLessThanOrEqual(HEADLINE_MAX_WORDS);
    }
  });

  it("names the DORA metrics by their current names", () => {
    for (const old of ["mttr", "mean time to recover", "mean time to restore", "lead time for changes", "time to restore service"])
      expect(allText(model)).not.toContain(old);
  });
});

describe("DevOps Core's newest version", () => {
  it("is 1.2.2, with the four areas", () => {
    expect(core.version).toBe("1.2.2");
    expect(core.areas.map((a) => a.id)).toEqual(["cicd", "observability", "incident-response", "security"]);
    expect(core.coverage).toMatch(/service your team runs in production/);
  });

  it("covers the topics a DevOps expert expects", () => {
    const text = allText(core);
    for (const topic of [
      "backup",
      "restore",
      "disaster recovery",
      "infrastructure as code",
      "database",
      "patch",
      "hardening",
      "security event",
      "workload identity",
      "service account",
      "branch protection",
    ]) {
      expect(text, topic).toContain(topic);
    }
  });

  it("puts multi-factor authentication and removing leavers' access below the defined level", () => {
    const access = questionsOf(core).find(({ question }) => question.id === "security-access")!.question;
    const below = access.levels.slice(0, 2).join(" ").toLowerCase();
    expect(below).toMatch(/multi-factor|mfa/);
    expect(below).toMatch(/leav/);
  });
});

describe("the versions that added headlines (Core 1.1.1, Extended 1.0.1)", () => {
  it.each([
    ["devops-core", "1.1.0", "1.1.1"],
    ["devops-extended", "1.0.0", "1.0.1"],
  ])("%s %s → %s: the same questions, levels and ids, so trends continue unmarked", (id, before, after) => {
    const version = (v: string) => shipped.find((m) => m.id === id && m.version === v)!;
    const withoutHeadlines = (m: Model) => ({
      ...m,
      version: "",
      areas: m.areas.map((a) => ({ ...a, questions: a.questions.map(({ headlines: _, ...q }) => q) })),
    });
    expect(withoutHeadlines(version(after))).toEqual(withoutHeadlines(version(before)));
    expect(changesText(modelChanges(version(before), version(after)))).toBe("no question changed");
  });
});

describe("the versions that measure delivery performance (Core 1.2.1, Extended 1.1.1)", () => {
  it.each([
    ["devops-core", "1.2.0", "1.2.1"],
    ["devops-extended", "1.1.0", "1.1.1"],
  ])("%s %s → %s: only the delivery-performance question gains measured_by, so trends continue unmarked", (id, before, after) => {
    const version = (v: string) => shipped.find((m) => m.id === id && m.version === v)!;
    const unmeasured = (m: Model) => ({
      ...m,
      version: "",
      areas: m.areas.map((a) => ({ ...a, questions: a.questions.map(({ measured_by: _, ...q }) => q) })),
    });
    expect(unmeasured(version(after))).toEqual(unmeasured(version(before)));
    expect(changesText(modelChanges(version(before), version(after)))).toBe("no question changed");
    const measured = questionsOf(version(after)).filter(({ question }) => question.measured_by);
    expect(measured.map(({ question }) => [question.id, question.measured_by])).toEqual([
      ["cicd-delivery-performance", { metric: "deployment-frequency", thresholds: [0.23, 1, 5, 15] }],
    ]);
  });
});

describe("the versions whose delivery-performance levels describe delivery (Core 1.2.2, Extended 1.1.2)", () => {
  const id = "cicd-delivery-performance";
  const delivery = (m: Model) => questionsOf(m).find(({ question }) => question.id === id)!.question;

  it.each([
    ["devops-core", "1.2.1", "1.2.2"],
    ["devops-extended", "1.1.1", "1.1.2"],
  ])("%s %s → %s: only the delivery-performance question's texts change; its id, place and measurement stay, so trends continue", (modelId, before, after) => {
    const version = (v: string) => shipped.find((m) => m.id === modelId && m.version === v)!;
    const [earlier, later] = [version(before), version(after)];
    const withoutIt = (m: Model) => ({ ...m, version: "", areas: m.areas.map((a) => ({ ...a, questions: a.questions.filter((q) => q.id !== id) })) });
    expect(withoutIt(later)).toEqual(withoutIt(earlier));
    expect(later.areas.map((a) => a.questions.map((q) => q.id))).toEqual(earlier.areas.map((a) => a.questions.map((q) => q.id)));
    const kept = ({ practices, replaces, measured_by, references, mappings }: Question) => ({ practices, replaces, measured_by, references, mappings });
    expect(kept(delivery(later))).toEqual(kept(delivery(earlier)));
    expect(changesText(modelChanges(earlier, later))).toBe("1 question reworded");
  });

  it.each(newest.map((m) => [`${m.id} ${m.version}`, m] as const))(
    "%s: each level says how often the team deploys, in the order of the measured thresholds, beside how it knows its figures",
    (_name, model) => {
      const question = delivery(model);
      expect(question.measured_by).toEqual({ metric: "deployment-frequency", thresholds: [0.23, 1, 5, 15] });
      const cadence = [
        /less than once a month/,
        /at least once a month but not every week/,
        /at least once a week/,
        /on most working days/,
        /several times a day/,
      ];
      question.levels.forEach((level, i) => expect(level, `level ${i + 1}`).toMatch(cadence[i]!));
      for (const headline of question.headlines!) expect(headline).toMatch(/^Deploys /);
      const knowing = [/nobody could say/i, /counted by hand/, /all five metrics/, /collected automatically/, /gaps in the data/i];
      question.levels.forEach((level, i) => expect(level, `level ${i + 1}`).toMatch(knowing[i]!));
    },
  );
});

describe("DevOps Extended", () => {
  it("asks Core's own questions in Core's four areas, so a team moving between them keeps one trend", () => {
    const extended = newest.find((m) => m.id === "devops-extended")!;
    expect(extended.areas.map((a) => a.id)).toEqual([
      "cicd",
      "observability",
      "incident-response",
      "security",
      "culture",
      "platform",
      "reliability",
      "measurement",
    ]);
    expect(extended.areas.slice(0, 4)).toEqual(core.areas);
  });
});
