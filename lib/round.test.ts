import { describe, expect, it } from "vitest";
import { quartiles } from "./dashboard/aggregate";
import { formatChange, formatPercent, formatScore } from "./format";
import { formatFixed, roundHalfUp } from "./round";

describe("roundHalfUp", () => {
  it("rounds half-way figures up although binary floating point holds them just below", () => {
    // 1.15 is 1.1499…, 1.005 * 100 is 100.49999…: toFixed and Math.round(x * 100) / 100 round these down.
    expect((1.15).toFixed(1)).toBe("1.1");
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundHalfUp(2.35, 1)).toBe(2.4);
    expect(roundHalfUp(1.15, 1)).toBe(1.2);
    expect(roundHalfUp(2.225, 2)).toBe(2.23);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(4.45, 1)).toBe(4.5);
  });

  it("rounds half-way figures that arithmetic produced: medians and quartiles of one-decimal scores", () => {
    const median = quartiles([2.3, 2.4])!.median;
    expect(median).not.toBe(2.35); // 2.3499999999999996
    expect(roundHalfUp(median, 1)).toBe(2.4);
    const q1 = quartiles([2.2, 2.5, 2.9, 3.1, 3.3])!.q1; // between 2.5 and … at a quarter: exact
    expect(roundHalfUp(q1, 2)).toBe(2.5);
    const q = quartiles([2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 3.0])!;
    expect(roundHalfUp(q.q1, 2)).toBe(2.3);
    const upper = quartiles([1, 3.3])!.q3; // 2.725 held as 2.7249999999999996
    expect(Math.round(upper * 100) / 100).toBe(2.72);
    expect(roundHalfUp(upper, 2)).toBe(2.73);
    expect(roundHalfUp(quartiles([1, 2.1])!.q1, 2)).toBe(1.28); // 1.275
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
  });

  it("leaves figures below half alone and rounds those above up", () => {
    expect(roundHalfUp(2.34, 1)).toBe(2.3);
    expect(roundHalfUp(2.3499, 1)).toBe(2.3);
    expect(roundHalfUp(2.36, 1)).toBe(2.4);
    expect(roundHalfUp(2.224, 2)).toBe(2.22);
    expect(roundHalfUp(12.5, 0)).toBe(13);
    expect(roundHalfUp(14.499999999999998, 0)).toBe(15); // 29 of 200 teams, as a share
  });

  it("rounds a negative change by its size, as a rise of the same size", () => {
    expect(roundHalfUp(-2.35, 1)).toBe(-2.4);
    expect(roundHalfUp(-0.25, 1)).toBe(-0.3);
    expect(roundHalfUp(0.25, 1)).toBe(0.3);
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true);
  });

  it("passes through what is not a finite number", () => {
    expect(roundHalfUp(Number.NaN, 1)).toBeNaN();
    expect(roundHalfUp(Infinity, 1)).toBe(Infinity);
  });
});

describe("formatting rounds the same way", () => {
  it("formats scores, changes and shares half up", () => {
    expect(formatScore(2.35)).toBe("2.4");
    expect(formatScore(quartiles([2.3, 2.4])!.median)).toBe("2.4");
    expect(formatScore(1.15)).toBe("1.2");
    expect(formatScore(3)).toBe("3.0");
    expect(formatChange(-0.25)).toBe("−0.3");
    expect(formatChange(0.25)).toBe("+0.3");
    expect(formatChange(-0.04)).toBe("±0.0");
    expect(formatPercent(12.5)).toBe("13 %");
    expect(formatPercent(100)).toBe("100 %");
    expect(formatFixed(2.225, 2)).toBe("2.23");
  });
});
