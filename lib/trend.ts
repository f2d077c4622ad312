import { formatDate, isoDate } from "./format";
import { changesText, matchQuestions, modelChanges } from "./model/changes";
import type { Model } from "./model/schema";
import type { AssessmentScore } from "./scoring";
import { parseDay, targetOutcome, toLaterScore, type Target } from "./target";

export type TrendInput = {
  assessmentId: string;
  submittedAt: Date;
  modelId: string;
  modelVersion: string;
  /** With the model versions in `TrendExtras.models`, a version change says what changed. */
  modelVersionId?: string;
  score: AssessmentScore;
  /** With several respondents: how many answered, and their range per area. */
  spread?: { respondents: number; areas: readonly { areaId: string; low: number | null; high: number | null }[] } | null;
};

export type TrendArea = { areaId: string; name: string };

export type TrendPoint = {
  assessmentId: string;
  submittedAt: string;
  /** The day, as every date is written: "14 Mar 2026". */
  label: string;
  modelVersion: string;
  /** True when this point was answered against another model version than the point before. */
  modelChanged: boolean;
  /** At a change of model version: from what to what, and which questions changed ("2 questions added, …"). */
  modelChange: string | null;
  waterLevel: number | null;
  spill: number | null;
  weakest: string[];
  /** Area id → score (null when the area was not scored at that point or did not exist). */
  areas: Record<string, number | null>;
  /** Answered by several respondents: how many, and how far apart their own scores of the weakest stave were. */
  respondents: { count: number; low: number | null; high: number | null } | null;
};

/** A dated note a team adds to its trend ("moved to Kubernetes"). */
export type TrendAnnotation = { id: string; on: string; text: string };

/**
 * Where things sit along the chart's time axis: assessment i at slot i, any other day between its
 * neighbours in proportion to the time, and beyond the ends by the series' mean gap.
 */
type Placed = { slot: number };

export type TrendTarget = Placed &
  Omit<Target, "setOn" | "assessedOn"> & {
    /** Slot of the assessment it was set on. */
    fromSlot: number;
    outcome: { state: "reached"; on: string; score: number; slot: number } | { state: "missed"; score: number | null } | { state: "open"; days: number };
  };

export type Trend = { areas: TrendArea[]; points: TrendPoint[]; targets: TrendTarget[]; annotations: (TrendAnnotation & Placed)[] };

type TrendExtras = {
  targets?: readonly Target[];
  annotations?: readonly TrendAnnotation[];
  now?: Date;
  /** Model versions by id, so a change of version says what changed. */
  models?: ReadonlyMap<string, Model>;
};

const DAY = 86_400_000;
/** How far beyond the last assessment the axis reaches for a target date or note, in slots. */
const MAX_AHEAD = 2;

/** The slot of a moment, given the assessments' times (oldest first). */
export function slotOf(times: readonly number[], t: number): number {
  const n = times.length;
  if (n === 0) return 0;
  const gap = n > 1 ? Math.max((times[n - 1]! - times[0]!) / (n - 1), 7 * DAY) : 91 * DAY;
  if (t <= times[0]!) return Math.max(-0.75, (t - times[0]!) / gap);
  if (t >= times[n - 1]!) return Math.min(n - 1 + MAX_AHEAD, n - 1 + (t - times[n - 1]!) / gap);
  const i = times.findIndex((time) => time > t) - 1;
  const span = times[i + 1]! - times[i]!;
  return i + (span === 0 ? 0 : (t - times[i]!) / span);
}

function respondentsAt(spread: NonNullable<TrendInput["spread"]>, weakest: string | undefined): TrendPoint["respondents"] {
  const area = spread.areas.find((a) => a.areaId === weakest);
  return { count: spread.respondents, low: area?.low ?? null, high: area?.high ?? null };
}

const changed = (previous: TrendInput | undefined, input: TrendInput) =>
  previous !== undefined && (previous.modelId !== input.modelId || previous.modelVersion !== input.modelVersion);

function changeText(previous: TrendInput, input: TrendInput, models: TrendExtras["models"]): string {
  const [before, after] = [previous, input].map((i) => (i.modelVersionId ? models?.get(i.modelVersionId) : undefined));
  const from = `${before?.name ?? previous.modelId} ${previous.modelVersion}`;
  const to = previous.modelId === input.modelId ? input.modelVersion : `${after?.name ?? input.modelId} ${input.modelVersion}`;
  if (!before || !after) return `${from} → ${to}`;
  const matched = matchQuestions(before, after).size;
  return `${from} → ${to}: ${changesText(modelChanges(before, after))}; ${matched} question${matched === 1 ? "" : "s"} compared across the change`;
}

/** Midday of a calendar day: a note or target date sits mid-day between the assessments around it. */
const dayTime = (day: string) => parseDay(day)!.getTime() + DAY / 2;

/**
 * Shapes a team's submitted assessments into a chartable series, oldest first.
 * Areas are listed in the order of the newest model, then any older areas that have since gone.
 */
export function shapeTrend(inputs: readonly TrendInput[], extras: TrendExtras = {}): Trend {
  const sorted = [...inputs].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const areas: TrendArea[] = [];
  const seen = new Set<string>();
  for (const input of [...sorted].reverse()) {
    for (const a of input.score.areas) {
      if (!seen.has(a.areaId)) {
        seen.add(a.areaId);
        areas.push({ areaId: a.areaId, name: a.name });
      }
    }
  }

  const points = sorted.map<TrendPoint>((input, i) => {
    const previous = sorted[i - 1];
    const byArea = new Map(input.score.areas.map((a) => [a.areaId, a.score]));
    return {
      assessmentId: input.assessmentId,
      submittedAt: input.submittedAt.toISOString(),
      label: formatDate(input.submittedAt),
      modelVersion: `${input.modelId}@${input.modelVersion}`,
      modelChanged: changed(previous, input),
      modelChange: changed(previous, input) ? changeText(previous!, input, extras.models) : null,
      waterLevel: input.score.waterLevel,
      spill: input.score.spill,
      weakest: input.score.weakest,
      areas: Object.fromEntries(areas.map((a) => [a.areaId, byArea.get(a.areaId) ?? null])),
      respondents: input.spread ? respondentsAt(input.spread, input.score.weakest[0]) : null,
    };
  });
  const times = sorted.map((input) => input.submittedAt.getTime());
  const indexOf = new Map(sorted.map((input, i) => [input.assessmentId, i]));
  const later = sorted.map(toLaterScore);
  const targets = (extras.targets ?? []).flatMap<TrendTarget>(({ setOn: _setOn, assessedOn, ...target }) => {
    const fromSlot = indexOf.get(target.assessmentId);
    if (fromSlot === undefined) return [];
    const outcome = targetOutcome({ ...target, assessedOn }, later, extras.now ?? new Date());
    return [
      {
        ...target,
        fromSlot,
        slot: slotOf(times, dayTime(target.dueOn)),
        outcome:
          outcome.state === "reached"
            ? { state: "reached", on: isoDate(new Date(outcome.on)), score: outcome.score, slot: indexOf.get(outcome.assessmentId)! }
            : outcome,
      },
    ];
  });
  const annotations = [...(extras.annotations ?? [])].sort((a, b) => a.on.localeCompare(b.on)).map((a) => ({ ...a, slot: slotOf(times, dayTime(a.on)) }));
  return { areas, points, targets, annotations };
}

/** How often each area was the (primary) weakest stave across the series. */
export function weakestCounts(trend: Trend): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(trend.areas.map((a) => [a.areaId, 0]));
  for (const p of trend.points) {
    const primary = p.weakest[0];
    if (primary) counts[primary] = (counts[primary] ?? 0) + 1;
  }
  return counts;
}

/** The areas most often the weakest stave, most often first: "Observability (3×), Delivery (1×)". */
export function weakestSummary(trend: Trend): string {
  const nameOf = (id: string) => trend.areas.find((a) => a.areaId === id)?.name ?? id;
  return Object.entries(weakestCounts(trend))
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${nameOf(id)} (${n}×)`)
    .join(", ");
}

type TrendTableRow = { kind: "point"; point: TrendPoint } | { kind: "note"; note: TrendAnnotation; number: number };

/** The figures table's rows: every assessment, with each note between them where its date falls. */
export function tableRows(trend: Trend): TrendTableRow[] {
  const rows = [
    ...trend.points.map((point, slot) => ({ slot, row: { kind: "point", point } as TrendTableRow })),
    ...trend.annotations.map(({ slot, ...note }, i) => ({ slot, row: { kind: "note", note, number: i + 1 } as TrendTableRow })),
  ];
  // Stable sort: at exactly the same slot, the assessment is listed first.
  return rows.sort((a, b) => a.slot - b.slot).map((r) => r.row);
}
