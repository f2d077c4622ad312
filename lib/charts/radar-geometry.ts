import type { AssessmentScore } from "../scoring";

export type RadarSpoke = {
  areaId: string;
  name: string;
  /** The spoke's number, 1 for the first area clockwise from the top: its label when names don't fit. */
  number: number;
  score: number | null;
  weakest: boolean;
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  anchor: "start" | "middle" | "end";
};

export type RadarSize = { width: number; height: number; font: number };

export type RadarGeometry = {
  width: number;
  height: number;
  font: number;
  /**
   * `names`: each spoke labelled with its area's name and score. `numbers`: the names would
   * overprint one another or run off the chart, so each spoke shows its number and a list beside
   * the chart names them.
   */
  labels: "names" | "numbers";
  centre: { x: number; y: number };
  /** One polygon per scale value from 1 to the top, labelled where it crosses the upward spoke. */
  rings: { value: number; points: string; labelY: number }[];
  spokes: RadarSpoke[];
  /** The scores' shape; an area without a score sits at the centre. */
  shape: string;
};

type Box = { left: number; right: number; top: number; bottom: number };

const pointList = (points: readonly { x: number; y: number }[]) => points.map((p) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(" ");

/** A text's width, estimated at 0.55 em a character: labels are laid out on the server, unmeasured. */
const textWidth = (text: string, font: number) => text.length * font * 0.55;

/** The box a spoke's label covers: its name over its score (`lines` 2), or its number alone (1). */
export function labelBox(spoke: RadarSpoke, text: string, font: number, lines: 1 | 2): Box {
  const width = textWidth(text, font);
  const left = spoke.anchor === "start" ? spoke.labelX : spoke.anchor === "end" ? spoke.labelX - width : spoke.labelX - width / 2;
  const top = spoke.labelY - font;
  return { left, right: left + width, top, bottom: top + font * 1.3 * lines };
}

const overlap = (a: Box, b: Box) => a.left < b.right + 2 && b.left < a.right + 2 && a.top < b.bottom && b.top < a.bottom;

function layout(score: AssessmentScore, max: number, size: RadarSize, labels: "names" | "numbers"): RadarGeometry {
  const centre = { x: size.width / 2, y: size.height / 2 };
  const n = Math.max(score.areas.length, 3);
  // Room around the rings for the widest name beside them and two-line labels (name, score) above
  // and below, or for a number.
  const beside = score.areas.filter((_, i) => Math.abs(Math.sin((2 * Math.PI * i) / n)) > 0.01).map((a) => textWidth(a.name, size.font));
  const radius =
    labels === "names"
      ? Math.min(size.width / 2 - Math.max(0, ...beside) - size.font * 1.5, size.height / 2 - size.font * 3.7)
      : Math.min(size.width, size.height) / 2 - size.font * 2.8;
  const at = (i: number, value: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const r = (Math.max(0, value) / max) * radius;
    return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
  };
  const lift =
    labels === "names" ? { below: size.font, above: -size.font * 1.4, level: -size.font * 0.4 } : { below: size.font, above: -2, level: size.font / 3 };
  const spokes = score.areas.map<RadarSpoke>((area, i) => {
    const tip = at(i, max);
    const label = at(i, max + (size.font * 1.1 * max) / radius);
    const dx = label.x - centre.x;
    return {
      areaId: area.areaId,
      name: area.name,
      number: i + 1,
      score: area.score,
      weakest: score.weakest.includes(area.areaId),
      x: tip.x,
      y: tip.y,
      labelX: label.x,
      // Labels above the centre grow upwards, those below grow downwards.
      labelY: label.y + (label.y > centre.y + 1 ? lift.below : label.y < centre.y - 1 ? lift.above : lift.level),
      anchor: Math.abs(dx) < 1 ? "middle" : dx > 0 ? "start" : "end",
    };
  });
  return {
    width: size.width,
    height: size.height,
    font: size.font,
    labels,
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

/** The radius of the outermost ring. */
export const radiusOf = (g: RadarGeometry) => (g.spokes[0] ? Math.hypot(g.spokes[0].x - g.centre.x, g.spokes[0].y - g.centre.y) : 0);

/** The label boxes of a layout, each as its text would be drawn. */
export function labelBoxes(g: RadarGeometry): Box[] {
  return g.spokes.map((s) => (g.labels === "names" ? labelBox(s, s.name, g.font, 2) : labelBox(s, String(s.number), g.font, 1)));
}

/** Whether every label lies inside the chart and clear of every other. */
export function labelsFit(g: RadarGeometry): boolean {
  const boxes = labelBoxes(g);
  const inside = boxes.every((b) => b.left >= 0 && b.right <= g.width && b.top >= 0 && b.bottom <= g.height);
  return inside && boxes.every((a, i) => boxes.every((b, j) => j <= i || !overlap(a, b)));
}

/**
 * Lays out the radar: one spoke per area, clockwise from the top, rings for every level. Spokes
 * are labelled with their names where those fit without overprinting, otherwise with numbers.
 */
export function radarGeometry(score: AssessmentScore, max: number, size: RadarSize = { width: 460, height: 320, font: 14 }): RadarGeometry {
  const named = layout(score, max, size, "names");
  // Names only where they fit and leave the shape big enough to read: a radius of 30 % of the chart.
  return labelsFit(named) && radiusOf(named) >= 0.3 * Math.min(size.width, size.height) ? named : layout(score, max, size, "numbers");
}
