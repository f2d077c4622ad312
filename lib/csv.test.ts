import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "./csv";

describe("CSV exports", () => {
  it("neutralises every character a spreadsheet starts a formula with", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutraliseCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(neutraliseCell("Platform team")).toBe("Platform team");
    expect(neutraliseCell(-1.5)).toBe(-1.5);
    expect(neutraliseCell(null)).toBe("");
  });

  it("writes RFC 4180 with a byte order mark, quoting what needs it", () => {
    const csv = toCsv(
      ["team", "score"],
      [
        ['Ops, "blue"', 2.5],
        ['=HYPERLINK("x")', null],
        ["Équipe\nnord", 3],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(csv).toContain('"Ops, ""blue"""');
    const rows = parse(csv.slice(1));
    expect(rows).toEqual([
      ["team", "score"],
      ['Ops, "blue"', "2.5"],
      ['\'=HYPERLINK("x")', ""],
      ["Équipe\nnord", "3"],
    ]);
  });
});
