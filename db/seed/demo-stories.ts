import type { AnswerValue } from "@/lib/answer";
import type { Area, Model } from "@/lib/model/schema";
import { fleetPlots, plots, type Plot, type StoryKind } from "./demo-plots";
import { createRandom, type Random } from "./prng";

export type DemoAnswer = { questionId: string; value: AnswerValue; note: string | null };
export type DemoAssessment = { startedAt: Date; submittedAt: Date; answers: DemoAnswer[] };
export type DemoTeam = { kind: StoryKind; name: string; story: string; assessments: DemoAssessment[] };
export type DemoStories = { teams: DemoTeam[] };

export const DEMO_QUARTERS = 8;
const DEMO_SEED = 20_240_401;
const DAY = 86_400_000;

const notApplicableReasons = [
  "Handled centrally by the platform team for every service.",
  "Not in our remit; another team owns this for us.",
  "Does not apply to this service as it runs today.",
];
const everydayNotes = [
  "We debated this one and settled on the lower level.",
  "True for the main service, less so for the older ones.",
  "Better than last time, but not consistent yet.",
  "Depends on who is on call that week.",
  "Mostly there; a few manual steps remain.",
];
const unsureNote = "Nobody in the room knew; to check with the platform team.";

/**
 * Demo teams whose assessment histories tell different stories, built from the
 * model's own areas, questions and scale. The same model, date and seed always give the same data.
 */
export function buildDemoStories(model: Model, now: Date, seed = DEMO_SEED): DemoStories {
  return { teams: plots.map((plot, i) => buildTeam(model, plot, now, createRandom(seed + i * 7919))) };
}

/** The demo organisation's other teams (see `fleetPlots`), built the same way. */
export function buildDemoFleet(model: Model, now: Date, seed = DEMO_SEED + 1): DemoTeam[] {
  return fleetPlots.map((plot, i) => buildTeam(model, plot, now, createRandom(seed + i * 104_729)));
}

function buildTeam(model: Model, plot: Plot, now: Date, random: Random): DemoTeam {
  const scale = model.scale.map((l) => l.value);
  const top = scale.length - 1;
  const questions = model.areas.flatMap((a) => a.questions);
  // Strengths and gaps a team keeps from quarter to quarter, in levels.
  const bias = new Map(questions.map((q) => [q.id, random.next() * 1.2 - 0.6]));
  const notApplicable = chooseNotApplicable(model.areas, random);
  const first = DEMO_QUARTERS - plot.assessments;

  const assessments = Array.from({ length: plot.assessments }, (_, quarter): DemoAssessment => {
    const daysAgo = 21 + (DEMO_QUARTERS - 1 - first - quarter + (plot.endsQuartersAgo ?? 0)) * 91 + random.int(-5, 5);
    const submittedAt = new Date(now.getTime() - daysAgo * DAY);
    submittedAt.setUTCHours(random.int(9, 16), random.int(0, 59), 0, 0);
    const startedAt = new Date(submittedAt.getTime() - random.int(2, 12) * DAY);
    const storyNote = plot.note?.(quarter, model.areas.length);
    const answers = model.areas.flatMap((area, a) => {
      const share = Math.min(1, Math.max(0, (plot.level(a, quarter, model.areas.length) - 1) / 4));
      const doubt = share < 0.4 ? (plot.doubt?.(quarter) ?? 0.12) : 0;
      const values = answerArea(area, share * top, scale, { bias, notApplicable, doubt }, random);
      const noted = storyNote?.area === a ? random.pick(area.questions).id : undefined;
      return area.questions.map<DemoAnswer>((q) => {
        const value = values.get(q.id)!;
        const note =
          q.id === noted
            ? storyNote!.text
            : value.kind === "unsure" && random.chance(0.3)
              ? unsureNote
              : value.kind === "level" && random.chance(0.04)
                ? random.pick(everydayNotes)
                : null;
        return { questionId: q.id, value, note };
      });
    });
    return { startedAt, submittedAt, answers };
  });
  return { kind: plot.kind, name: plot.name, story: plot.story, assessments };
}

/** Up to two questions, each in a different area big enough to stay scored, that never apply to the team. */
function chooseNotApplicable(areas: readonly Area[], random: Random): Map<string, string> {
  const candidates = random.shuffle(areas.filter((a) => a.questions.length >= 4));
  return new Map(candidates.slice(0, random.int(0, 2)).map((a) => [random.pick(a.questions).id, random.pick(notApplicableReasons)]));
}

type Habits = { bias: ReadonlyMap<string, number>; notApplicable: ReadonlyMap<string, string>; doubt: number };

/**
 * Answers one area so its scored mean lands on the target (a scale index): unsure answers
 * count as the lowest level, so the level answers make up for them, and the team's strengths decide
 * which questions sit above or below the target.
 */
function answerArea(area: Area, target: number, scale: readonly number[], habits: Habits, random: Random): Map<string, AnswerValue> {
  const top = scale.length - 1;
  const values = new Map<string, AnswerValue>();
  const scored = area.questions.filter((q) => {
    const reason = habits.notApplicable.get(q.id);
    if (reason) values.set(q.id, { kind: "not_applicable", reason });
    return !reason;
  });
  const desired = new Map(scored.map((q) => [q.id, target + (habits.bias.get(q.id) ?? 0) + (random.next() - 0.5) * 0.6]));
  const byWeakness = [...scored].sort((x, y) => desired.get(x.id)! - desired.get(y.id)!);
  for (const q of byWeakness.slice(0, 2)) if (random.chance(habits.doubt)) values.set(q.id, { kind: "unsure" });
  const levelled = scored.filter((q) => !values.has(q.id));
  const levels = spread(
    levelled.map((q) => desired.get(q.id)!),
    Math.round(target * scored.length),
    top,
  );
  levelled.forEach((q, i) => values.set(q.id, { kind: "level", level: scale[levels[i]!]! }));
  return values;
}

/** Whole levels in [0, top], each near its desired value, adding up to total (when reachable). */
export function spread(desired: readonly number[], total: number, top: number): number[] {
  const out = desired.map((d) => Math.min(top, Math.max(0, Math.round(d))));
  let diff = Math.min(top * out.length, Math.max(0, total)) - out.reduce((s, v) => s + v, 0);
  while (diff !== 0) {
    const step = Math.sign(diff);
    let best = -1;
    out.forEach((v, i) => {
      if (v + step < 0 || v + step > top) return;
      if (best < 0 || (desired[i]! - v) * step > (desired[best]! - out[best]!) * step) best = i;
    });
    out[best]! += step;
    diff -= step;
  }
  return out;
}
