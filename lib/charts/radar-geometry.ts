import type { AssessmentScore } from "../scoring";

export type RadarSpoke = {
  areaId: string;
  name: string;
  score: number | null;
  weakest: boolean;
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  anchor: "start" | "middle" | "end";
};

export type RadarGeometry = {
  width: number;
  height: number;
  centre: { x: number; y: number };
  /** One polygon per scale value from 1 to the top, labelled where it crosses the upward spoke. */
  rings: { value: number; points: string; labelY: number }[];
  spokes: RadarSpoke[];
  /** The scores' shape; an area without a score sits at the centre. */
  shape: string;
};

const pointList = (points: readonly { x: number; y: number }[]) => points.map((p) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(" ");

/** Lays out the radar: one spoke per area, clockwise from the top, rings for every level. */
export function radarGeometry(score: AssessmentScore, max: number, size = { width: 460, height: 320 }): RadarGeometry {
  const centre = { x: size.width / 2, y: size.height / 2 };
  // Room around the rings for two-line labels (name, score) on every side.
  const radius = Math.min(size.width / 2 - 130, size.height / 2 - 45);
  const n = Math.max(score.areas.length, 3);
  const at = (i: number, value: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const r = (Math.max(0, value) / max) * radius;
    return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
  };
  const spokes = score.areas.map<RadarSpoke>((area, i) => {
    const tip = at(i, max);
    const label = at(i, max * 1.14);
    const dx = label.x - centre.x;
    return {
      areaId: area.areaId,
      name: area.name,
      score: area.score,
      weakest: score.weakest.includes(area.areaId),
      x: tip.x,
      y: tip.y,
      labelX: label.x,
      // Labels above the centre grow upwards, those below grow downwards (two lines of ~18 units).
      labelY: label.y + (label.y > centre.y + 1 ? 14 : label.y < centre.y - 1 ? -20 : -6),
      anchor: Math.abs(dx) < 1 ? "middle" : dx > 0 ? "start" : "end",
    };
  });
  return {
    width: size.width,
    height: size.height,
    centre,
    rings: Array.from({ length: max }, (_, k) => ({
      value: k + 1,
      points: pointList(score.areas.map((_a, i) => at(i, k + 1))),
      labelY: centre.y - (radius * (k + 1)) / max + 4,
    })),
    spokes,
    shape: pointList(score.areas.map((a, i) => at(i, a.score ?? 0))),
  };
}
