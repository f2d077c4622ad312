import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "./client";
import { asDate, asJson, asNumber, asNumberArray, asOptionalDate } from "./driver-values";
import { drivers, useTestDatabase } from "./test-db";

describe("driver values", () => {
  it("reads a timestamp given as a Date or as PostgreSQL's text", () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    expect(asDate(at)).toBe(at);
    expect(asDate("2026-03-04 05:06:07.089+00")).toEqual(at);
    expect(asOptionalDate(null)).toBeUndefined();
    expect(asOptionalDate(undefined)).toBeUndefined();
    expect(asOptionalDate("2026-03-04T05:06:07.089Z")).toEqual(at);
  });

  it("reads numbers given as text or bigint, and refuses what is not one", () => {
    expect(asNumber("42")).toBe(42);
    expect(asNumber(42n)).toBe(42);
    expect(asNumber(1.5)).toBe(1.5);
    expect(() => asNumber("forty")).toThrow(/expected a number/);
  });

  it("reads json given parsed or as text, and numeric arrays in either form", () => {
    expect(asJson<[string, number][]>('[["a",1]]')).toEqual([["a", 1]]);
    const parsed = [["a", 1]];
    expect(asJson(parsed)).toBe(parsed);
    expect(asNumberArray("{1.5,2,-3}")).toEqual([1.5, 2, -3]);
    expect(asNumberArray("{}")).toEqual([]);
    expect(asNumberArray(["1.5", 2])).toEqual([1.5, 2]);
    expect(asNumberArray(null)).toEqual([]);
  });
});

describe.each(drivers)("driver values on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("turns what a raw query returns into the same values on every driver", async () => {
    const [row] = await queryRows<{
      at: Date | string;
      n: number | string;
      doc: { a: number[] } | string;
      levels: number[] | string;
      none: Date | string | null;
    }>(
      t.handle.db,
      sql`select '2026-03-04T05:06:07.089Z'::timestamptz as at, count(*) as n, json_build_object('a', json_build_array(1, 2)) as doc,
        array[1.5, 2]::float8[] as levels, null::timestamptz as none from (values (1), (2), (3)) v(x)`,
    );
    expect(asDate(row!.at)).toEqual(new Date("2026-03-04T05:06:07.089Z"));
    expect(asNumber(row!.n)).toBe(3);
    expect(asJson(row!.doc)).toEqual({ a: [1, 2] });
    expect(asNumberArray(row!.levels)).toEqual([1.5, 2]);
    expect(asOptionalDate(row!.none)).toBeUndefined();
  });
});
