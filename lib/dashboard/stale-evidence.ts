import { formatPercent } from "../format";
import type { WithheldReason } from "./privacy";
import type { Quarter } from "./quarter";

// How much of what teams claim rests on evidence that has lapsed: per area, of the answers in the
// assessments the teams count with this quarter (their latest, lib/dashboard/quarter.ts), those
// whose evidence is stale today. The denominator is every answer, with evidence or without, so
// "n of m answers" says how much of the area is backed by stale evidence, not how old the evidence is.

/** One area's answers in the teams' current assessments, and how many of them have stale evidence. */
export type AreaStaleEvidence = { areaId: string; answers: number; stale: number };

export type StaleEvidence = {
  quarter: Quarter;
  /** The day staleness was judged on ("2026-12-07"). */
  today: string;
  /** Teams counted in the quarter. */
  teams: number;
  /** Withheld from the asker exactly where the quarter's other figures are. */
  withheld: boolean;
  withheldReason?: WithheldReason;
  /** Every area of the model, in model order; empty when withheld. */
  areas: AreaStaleEvidence[];
};

/** Every area of the model in its order, with the counts found (none: nothing answered there). */
export function staleEvidenceByArea(areas: readonly { areaId: string }[], found: readonly AreaStaleEvidence[]): AreaStaleEvidence[] {
  const byArea = new Map(found.map((f) => [f.areaId, f]));
  return areas.map(({ areaId }) => byArea.get(areaId) ?? { areaId, answers: 0, stale: 0 });
}

/** The stale share in percent; null when the area has no answers. */
export const stalePercent = ({ answers, stale }: AreaStaleEvidence): number | null => (answers === 0 ? null : (stale / answers) * 100);

/** "12 % stale evidence": never "0 %" for an area with some stale evidence. */
export function staleEvidenceShare(area: AreaStaleEvidence): string {
  const percent = stalePercent(area) ?? 0;
  return `${area.stale > 0 && percent < 0.5 ? "under 1 %" : formatPercent(percent)} stale evidence`;
}

/** "5 of 40 answers". */
export const staleEvidenceCount = ({ answers, stale }: AreaStaleEvidence) => `${stale} of ${answers} answer${answers === 1 ? "" : "s"}`;
