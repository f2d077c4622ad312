import { describe, expect, it } from "vitest";
import type { ScaleLevel } from "../model/schema";
import type { AssessmentScore } from "../scoring";
import { barrelGeometry, labelWidth, textWidth } from "./barrel-geometry";
import { labelBoxes, labelsFit, radarGeometry, radiusOf } from "./radar-geometry";

// Barrel and radar stay legible from 3 to 15 areas, on a desktop and on a phone: no label cut at the
// chart's edge, none printed over another, and a phone's barrel labels at least 11 px as rendered.

const SAMM_PRACTICES = [
  "Strategy & Metrics",
  "Policy & Compliance",
  "Education & Guidance",
  "Threat Assessment",
  "Security Requirements",
  "Secure Architecture",
  "Secure Build",
  "Secure Deployment",
  "Defect Management",
  "Architecture Assessment",
  "Requirements-driven Testing",
  "Security Testing",
  "Incident Management",
  "Environment Management",
  "Operational Management",
];
const DEVOPS = [
  "CI/CD",
  "Observability",
  "Incident response",
  "Security",
  "Culture & collaboration",
  "Platform & developer experience",
  "Reliability",
  "Measurement",
];

const levels = (min: number, max: number): ScaleLevel[] =>
  Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: `Level ${min + i}`, description: "" }) as ScaleLevel);

function scoreOf(names: readonly string[], max: number): AssessmentScore {
  const areas = names.map((name, i) => {
    const score = Math.round(((i * 7) % 10) * (max / 10) * 10) / 10 || null;
    return { areaId: `a${i}`, name, score, percent: null, sum: 0, scored: 1, unsure: 0, notApplicable: 0, unanswered: 0 };
  });
  const scored = areas.filter((a) => a.score !== null).map((a) => a.score!);
  const waterLevel = Math.min(...scored);
  return { areas, waterLevel, weakest: areas.filter((a) => a.score === waterLevel).map((a) => a.areaId), spill: 0.5, mean: waterLevel + 0.5 };
}

const cases = [3, 4, 8, 15].map((n) => ({ n, names: n <= 8 ? DEVOPS.slice(0, n) : SAMM_PRACTICES.slice(0, n) }));
// The barrel's drawings as BarrelChart makes them; a phone of 390 px shows the narrow one in a card
// 318 px wide (the page's padding of 16 px and the card's of 20 px each side).
const WIDE = { width: 600, height: 360, labelledScale: true };
const NARROW = { width: 360, height: 300, labelledScale: false, narrow: true };
const PHONE_CHART_WIDTH = 390 - 2 * 16 - 2 * 20;

describe.each(cases)("with $n areas", ({ n, names }) => {
  for (const [name, scale] of [
    ["1–5", levels(1, 5)],
    ["0–3", levels(0, 3)],
  ] as const) {
    const score = scoreOf(names, scale.at(-1)!.value);

    it.each([
      ["desktop", WIDE],
      ["phone", NARROW],
    ] as const)(`keeps the barrel's labels apart and inside the chart on a ${name} scale (%s)`, (_, size) => {
      const g = barrelGeometry(score, scale, size);
      const pitch = g.staves.length > 1 ? g.staves[1]!.x - g.staves[0]!.x : Infinity;
      expect(g.staves).toHaveLength(n);
      for (const s of g.staves) {
        if (g.labels.mode === "wrapped") {
          expect(s.labelLines.length).toBeLessThanOrEqual(3);
          const half = labelWidth(s.labelLines, g.labels.font) / 2;
          expect(s.x + s.width / 2 - half).toBeGreaterThanOrEqual(0);
          expect(s.x + s.width / 2 + half).toBeLessThanOrEqual(g.width);
        } else {
          // Upright: one line per stave, a line's height apart at least, and its whole length inside the chart.
          expect(s.labelLines).toHaveLength(1);
          expect(pitch).toBeGreaterThanOrEqual(g.labels.font * 1.15);
          expect(g.plot.bottom + 10 + textWidth(s.labelLines[0]!, g.labels.font)).toBeLessThanOrEqual(g.height);
          expect(s.labelLines[0]).toContain(s.score === null ? "–" : s.score.toFixed(1));
        }
      }
      if (g.labels.mode === "wrapped")
        for (let i = 1; i < n; i++) {
          const [a, b] = [g.staves[i - 1]!, g.staves[i]!];
          const [wa, wb] = [labelWidth(a.labelLines, g.labels.font), labelWidth(b.labelLines, g.labels.font)];
          expect(a.x + a.width / 2 + wa / 2).toBeLessThan(b.x + b.width / 2 - wb / 2);
        }
      if (g.labels.scoresAbove) expect(textWidth("0.0", g.labels.scoreFont)).toBeLessThanOrEqual(pitch - 2);
      // The water level's label stays inside the chart.
      expect(g.waterLabel.x + Math.max(...g.waterLabel.lines.map((l) => textWidth(l, g.labels.small)))).toBeLessThanOrEqual(g.width);
    });

    it(`draws the phone's barrel labels at 11 px or more on a ${name} scale`, () => {
      const g = barrelGeometry(score, scale, NARROW);
      expect((Math.min(g.labels.font, g.labels.small) * PHONE_CHART_WIDTH) / g.width).toBeGreaterThanOrEqual(11);
    });

    it.each([
      ["desktop", { width: 460, height: 320, font: 14 }],
      ["phone", { width: 340, height: 320, font: 14 }],
    ] as const)(`keeps the radar's labels apart and inside the chart on a ${name} scale (%s)`, (_, size) => {
      const g = radarGeometry(score, scale.at(-1)!.value, size);
      expect(labelsFit(g)).toBe(true);
      expect(labelBoxes(g)).toHaveLength(n);
      expect(radiusOf(g)).toBeGreaterThanOrEqual(0.3 * Math.min(size.width, size.height));
    });
  }
});

describe("label modes", () => {
  it("names few areas under their staves and around the radar, and turns to upright labels and numbers for many", () => {
    const four = scoreOf(DEVOPS.slice(0, 4), 5);
    const fifteen = scoreOf(SAMM_PRACTICES, 5);
    expect(barrelGeometry(four, levels(1, 5), WIDE).labels).toMatchObject({ mode: "wrapped", scoresAbove: true });
    expect(barrelGeometry(fifteen, levels(1, 5), WIDE).labels).toMatchObject({ mode: "upright", scoresAbove: false });
    expect(barrelGeometry(fifteen, levels(1, 5), NARROW).labels.mode).toBe("upright");
    expect(radarGeometry(four, 5).labels).toBe("names");
    expect(radarGeometry(fifteen, 5).labels).toBe("numbers");
    expect(radarGeometry(fifteen, 5).spokes.map((s) => s.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it("sees the overprint that fixed two-line labels had with 15 areas", () => {
    const g = radarGeometry(scoreOf(SAMM_PRACTICES, 5), 5);
    expect(labelsFit({ ...g, labels: "names" })).toBe(false);
  });
});
