import { describe, expect, it } from "vitest";
import { entityTag, matchesTag } from "./etag";

describe("entity tags", () => {
  it("are quoted, stable for the same text and differ for another", () => {
    expect(entityTag("a")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag("a")).toBe(entityTag("a"));
    expect(entityTag("a")).not.toBe(entityTag("b"));
  });

  it("match an If-None-Match that names them among others, weak or not, or *", () => {
    const tag = entityTag("x");
    expect(matchesTag(tag, tag)).toBe(true);
    expect(matchesTag(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesTag("*", tag)).toBe(true);
    expect(matchesTag('"other"', tag)).toBe(false);
    expect(matchesTag(null, tag)).toBe(false);
    expect(matchesTag("", tag)).toBe(false);
  });
});
