import { describe, expect, it } from "vitest";
import {
  assessmentSeconds,
  countWords,
  minutesText,
  questionCost,
  questionSeconds,
  READING_WORDS_PER_MINUTE,
  SECONDS_TO_CHOOSE,
  SECONDS_TO_CONFIRM,
} from "./answering-time";

const question = {
  title: "Build automation", // 2 words
  prompt: "How is a releasable artifact built?", // 6
  why: "Manual builds differ.", // 3
  headlines: ["By hand", "A script run by hand", "CI on every push"], // 2 + 5 + 4
};

describe("what a question costs to read", () => {
  it("counts every word it shows by default (the first sentence of why it matters), and a glance at its title, prompt and an average level", () => {
    expect(questionCost({ ...question, why: "Manual builds differ. They fail on other machines." }).words).toBe(2 + 6 + 3 + 11);
    expect(countWords("  one  two\nthree ", undefined, "four")).toBe(4);
    expect(questionCost(question)).toEqual({ words: 2 + 6 + 3 + 11, glance: 2 + 6 + 4 });
    expect(questionCost({ ...question, coverage: "Answer for production." }).words).toBe(25);
  });

  it("takes reading plus choosing when open, a glance and a click when carried, nothing when done", () => {
    const cost = { words: 200, glance: 20 };
    expect(questionSeconds(cost, "open")).toBe((200 / READING_WORDS_PER_MINUTE) * 60 + SECONDS_TO_CHOOSE);
    expect(questionSeconds(cost, "carried")).toBe((20 / READING_WORDS_PER_MINUTE) * 60 + SECONDS_TO_CONFIRM);
    expect(questionSeconds(cost, "done")).toBe(0);
  });

  it("adds up an assessment, carried questions at a glance", () => {
    const costs = ["a", "b", "c"].map((questionId) => ({ questionId, cost: { words: 100, glance: 10 } }));
    const open = (100 / READING_WORDS_PER_MINUTE) * 60 + SECONDS_TO_CHOOSE;
    const carried = (10 / READING_WORDS_PER_MINUTE) * 60 + SECONDS_TO_CONFIRM;
    expect(assessmentSeconds(costs)).toBeCloseTo(3 * open);
    expect(assessmentSeconds(costs, new Set(["a", "c"]))).toBeCloseTo(open + 2 * carried);
  });
});

describe("the time as the page says it", () => {
  it("rounds to whole minutes and never says zero while something is left", () => {
    expect(minutesText(0)).toBe("nothing left");
    expect(minutesText(20)).toBe("under a minute");
    expect(minutesText(50)).toBe("about 1 minute");
    expect(minutesText(89)).toBe("about 1 minute");
    expect(minutesText(91)).toBe("about 2 minutes");
    expect(minutesText(55 * 60)).toBe("about 55 minutes");
  });
});
