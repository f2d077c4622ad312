import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModels, newestModel } from "@/content/load-models";
import type { Model } from "@/lib/model/schema";
import { scoreAssessment } from "@/lib/scoring";
import { countedByQuarter, mostCommonWeakest, tiedWeakestCounts } from "@/lib/dashboard/aggregate";
import { quarterOf, quarterRange } from "@/lib/dashboard/quarter";
import { buildDemoFleet, buildDemoStories, DEMO_QUARTERS, spread, type DemoTeam } from "./demo-stories";

// A model unlike devops-core: three areas, a 0–3 scale, five questions per area.
const smallModel: Model = {
  id: "small",
  version: "1.0.0",
  name: "Small",
  scale: [0, 1, 2, 3].map((value) => ({ value, label: `L${value}` })),
  areas: ["build", "run", "guard"].map((areaId) => ({
    id: areaId,
    name: areaId,
    summary: "s",
    questions: [1, 2, 3, 4, 5].map((n) => ({
      id: `${areaId}-${n}`,
      title: "t",
      prompt: "p",
      why: "w",
      levels: ["a", "b", "c", "d"],
      next: ["a", "b", "c"],
    })),
  })),
};
const devopsCore = newestModel(loadModels(path.join(process.cwd(), "content", "models")), "devops-core");
const models = devopsCore ? [smallModel, devopsCore] : [smallModel];
const now = new Date("2026-05-01T12:00:00Z");

const team = (teams: DemoTeam[], kind: DemoTeam["kind"]) => teams.find((t) => t.kind === kind)!;

describe.each(models.map((m) => [m.id, m] as const))("buildDemoStories with the %s model", (_, model) => {
  const { teams } = buildDemoStories(model, now);
  const range = model.scale.at(-1)!.value - model.scale[0]!.value;
  const scores = (t: DemoTeam) => t.assessments.map((a) => scoreAssessment(model, new Map(a.answers.map((x) => [x.questionId, x.value]))));

  it("gives the same data for the same seed and different data for another", () => {
    expect(buildDemoStories(model, now, 7)).toEqual(buildDemoStories(model, now, 7));
    expect(buildDemoStories(model, now, 7)).not.toEqual(buildDemoStories(model, now, 8));
  });

  it("tells six stories, five over eight quarters and one newer team's three", () => {
    expect(teams.map((t) => t.assessments.length)).toEqual([8, 8, 8, 8, 8, 3]);
    expect(new Set(teams.map((t) => t.name)).size).toBe(6);
  });

  it("answers every question of the model once in every assessment, on the model's scale", () => {
    const questionIds = model.areas.flatMap((a) => a.questions.map((q) => q.id));
    const scale = new Set(model.scale.map((l) => l.value));
    for (const a of teams.flatMap((t) => t.assessments)) {
      expect(a.answers.map((x) => x.questionId)).toEqual(questionIds);
      for (const { value } of a.answers) {
        if (value.kind === "level") expect(scale.has(value.level)).toBe(true);
        if (value.kind === "not_applicable") expect(value.reason.length).toBeGreaterThan(0);
      }
    }
  });

  it("mixes in some unsure and not-applicable answers and a few notes", () => {
    const answers = teams.flatMap((t) => t.assessments.flatMap((a) => a.answers));
    const unsure = answers.filter((x) => x.value.kind === "unsure").length;
    const notApplicable = answers.filter((x) => x.value.kind === "not_applicable").length;
    const notes = answers.filter((x) => x.note).length;
    for (const count of [unsure, notApplicable, notes]) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(answers.length * 0.1);
    }
  });

  it("dates each team's assessments about a quarter apart, the last a few weeks ago", () => {
    for (const t of teams) {
      const times = t.assessments.map((a) => a.submittedAt.getTime());
      const days = (ms: number) => ms / 86_400_000;
      times.slice(1).forEach((time, i) => expect(days(time - times[i]!)).toBeGreaterThan(75));
      expect(days(now.getTime() - times.at(-1)!)).toBeGreaterThan(10);
      expect(days(now.getTime() - times.at(-1)!)).toBeLessThan(35);
      for (const a of t.assessments) expect(a.startedAt.getTime()).toBeLessThan(a.submittedAt.getTime());
    }
    expect(DEMO_QUARTERS).toBe(8);
  });

  it("keeps the stuck team's weakest stave in the same area every quarter", () => {
    const weakest = scores(team(teams, "stuck")).map((s) => s.weakest[0]);
    expect(new Set(weakest).size).toBe(1);
  });

  it("moves the levelling-up team's weakest stave through at least three areas", () => {
    const weakest = scores(team(teams, "moving")).map((s) => s.weakest[0]);
    expect(new Set(weakest).size).toBeGreaterThanOrEqual(3);
  });

  // A quarter of the scale's range: one whole level on a 1–5 scale.
  it("leaves the over-investing team with a spill of at least a quarter of the scale at the end", () => {
    const series = scores(team(teams, "over-invests"));
    expect(series.at(-1)!.spill).toBeGreaterThanOrEqual(range / 4);
    expect(series.at(-1)!.waterLevel! - series[0]!.waterLevel!).toBeLessThan(0.5);
  });

  it("raises the improver's water level from start to end", () => {
    const series = scores(team(teams, "improver"));
    expect(series.at(-1)!.waterLevel!).toBeGreaterThan(series[0]!.waterLevel!);
  });

  it("drops the regressing team's water level for a while before it recovers", () => {
    const water = scores(team(teams, "regresses")).map((s) => s.waterLevel!);
    const drops = water.slice(1).map((w, i) => water[i]! - w);
    const worst = Math.max(...drops);
    const dip = drops.indexOf(worst) + 1;
    expect(worst).toBeGreaterThan(0.1 * range);
    expect(water.at(-1)!).toBeGreaterThan(water[dip - 1]!);
  });
});

describe("the demo organisation as leadership sees it", () => {
  it("shifts the most common weakest stave from security to observability over the quarters", () => {
    if (!devopsCore) return;
    const teams = [...buildDemoStories(devopsCore, now).teams, ...buildDemoFleet(devopsCore, now)];
    expect(teams).toHaveLength(24);
    expect(new Set(teams.map((t) => t.name)).size).toBe(24);
    const results = teams.flatMap((t) =>
      t.assessments.map((a) => {
        const score = scoreAssessment(devopsCore, new Map(a.answers.map((x) => [x.questionId, x.value])));
        return { teamId: t.name, submittedAt: a.submittedAt, waterLevel: score.waterLevel, weakest: score.weakest };
      }),
    );
    const quarters = quarterRange(quarterOf(now), DEMO_QUARTERS);
    const counted = countedByQuarter(results, quarters);
    const mostCommon = (q: number) => mostCommonWeakest(tiedWeakestCounts(counted.get(q)!));
    expect(mostCommon(quarters[1]!)).toEqual(["security"]);
    expect(mostCommon(quarters.at(-1)!)).toEqual(["observability"]);
    // Two teams stopped assessing: they no longer count this quarter.
    expect(counted.get(quarters.at(-1)!)!.length).toBe(22);
  });
});

describe("spread", () => {
  it("hits the total with whole levels near the desired ones, within the scale", () => {
    const levels = spread([0.2, 3.9, 2.5, 1.4], 8, 4);
    expect(levels.reduce((s, v) => s + v, 0)).toBe(8);
    expect(levels.every((v) => v >= 0 && v <= 4)).toBe(true);
    expect(levels[1]).toBe(4);
  });

  it("stops at the scale's edges when the total cannot be reached", () => {
    expect(spread([3, 3], 10, 3)).toEqual([3, 3]);
    expect(spread([1, 1], -2, 3)).toEqual([0, 0]);
  });
});
