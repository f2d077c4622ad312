import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const key = "k".repeat(32);

describe("API cursors", () => {
  it("round-trips a position", () => {
    const cursor = encodeCursor({ after: "0b7c2d4e-0000-4000-8000-000000000001", n: 3 }, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, key)).toEqual({ after: "0b7c2d4e-0000-4000-8000-000000000001", n: 3 });
  });

  it("refuses a cursor whose position was edited, signed with another key, or not a cursor at all", () => {
    const cursor = encodeCursor({ after: "a" }, key);
    const [, signature] = cursor.split(".");
    const edited = `${Buffer.from(JSON.stringify({ after: "b" })).toString("base64url")}.${signature}`;
    expect(decodeCursor(edited, key)).toBeUndefined();
    expect(decodeCursor(cursor, "x".repeat(32))).toBeUndefined();
    for (const junk of ["", "abc", "a.b.c", ".", `${cursor}x`, `x${cursor}`]) expect(decodeCursor(junk, key)).toBeUndefined();
  });

  it("refuses a signed body that is not an object", () => {
    const body = Buffer.from("[1,2]").toString("base64url");
    const forged = encodeCursor({}, key).replace(/^[^.]+/, body);
    expect(decodeCursor(forged, key)).toBeUndefined();
  });
});
