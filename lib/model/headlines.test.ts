import { describe, expect, it } from "vitest";
import { firstSentence, levelHeadlines } from "./headlines";

describe("a level's headline", () => {
  it("is the model's own headline when it has one", () => {
    expect(levelHeadlines({ levels: ["Long text. More.", "Other."], headlines: ["Short", "Shorter"] })).toEqual(["Short", "Shorter"]);
  });

  it("is each descriptor's first sentence without one", () => {
    expect(levelHeadlines({ levels: ["Builds by hand. Nobody else can.", "One step only"] })).toEqual(["Builds by hand.", "One step only"]);
  });

  it("does not end a sentence inside an abbreviation, a number or a parenthesis", () => {
    expect(firstSentence("Tools are pinned (e.g. lock files), so builds repeat. Then more.")).toBe("Tools are pinned (e.g. lock files), so builds repeat.");
    expect(firstSentence("Version 2.5 is used everywhere. Next.")).toBe("Version 2.5 is used everywhere.");
    expect(firstSentence("Is it tested? Rarely.")).toBe("Is it tested?");
    expect(firstSentence('Merges weekly. "Release day" is an event.')).toBe("Merges weekly.");
  });

  it("is the whole descriptor when it is one sentence", () => {
    expect(firstSentence("  Everything is automated.  ")).toBe("Everything is automated.");
  });
});
