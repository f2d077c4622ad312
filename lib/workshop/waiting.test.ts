import { describe, expect, it } from "vitest";
import { waitingText } from "./waiting";

const view = (over: Partial<Parameters<typeof waitingText>[0]> = {}): Parameters<typeof waitingText>[0] => ({
  room: 4,
  voted: 2,
  phase: "voting",
  status: "open",
  autoReveal: true,
  facilitator: { votedNames: ["Ana", "Cy"], waitingNames: ["Ben", "Dee"], privateNote: null, votedFor: [] },
  ...over,
});
const anonymous = { votedNames: [], waitingNames: [], privateNote: null, votedFor: [] };

describe("who the room waits for", () => {
  it("names who holds up auto-reveal, or counts them when the workshop is anonymous", () => {
    expect(waitingText(view())).toBe("Auto-reveal waits for: Ben, Dee");
    expect(waitingText(view({ facilitator: anonymous }))).toBe("Auto-reveal waits for 2 more votes");
    expect(waitingText(view({ voted: 3, facilitator: anonymous }))).toBe("Auto-reveal waits for 1 more vote");
  });

  it("says who is still to vote without auto-reveal, and nothing it cannot name", () => {
    expect(waitingText(view({ autoReveal: false }))).toBe("Still to vote: Ben, Dee");
    expect(waitingText(view({ autoReveal: false, facilitator: anonymous }))).toBeNull();
  });

  it("says nothing once everyone voted, after the reveal, while paused, or to anyone but the facilitator", () => {
    expect(waitingText(view({ voted: 4 }))).toBeNull();
    expect(waitingText(view({ phase: "revealed" }))).toBeNull();
    expect(waitingText(view({ status: "paused" }))).toBeNull();
    expect(waitingText(view({ facilitator: undefined }))).toBeNull();
  });
});
