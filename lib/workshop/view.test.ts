import { describe, expect, it } from "vitest";
import type { Vote } from "./tally";
import { testWorkshopRows as rows } from "./test-rows";
import { workshopView } from "./view";

const level = (n: number): Vote => ({ kind: "level", level: n });

describe("workshop views", () => {
  it("shows last cycle's team answer to the facilitator alone, on a draft started from it", () => {
    const lastCycle = { submittedAt: new Date("2026-11-21T10:00:00Z"), answer: { kind: "level" as const, level: 3 } };
    expect(workshopView(rows({ lastCycle }), "facilitator").facilitator?.lastCycle).toEqual({
      on: "2026-11-21T10:00:00.000Z",
      answer: level(3),
      label: "3 · Level 3",
    });
    for (const audience of ["presenter", "participant"] as const)
      expect(JSON.stringify(workshopView(rows({ lastCycle }), audience, "p1"))).not.toContain("2026-11-21");
    expect(workshopView(rows(), "facilitator").facilitator).not.toHaveProperty("lastCycle");
  });

  it("shows the question with its levels and how many voted, never what, before the reveal", () => {
    const view = workshopView(rows(), "presenter");
    expect(view.question).toMatchObject({ id: "a-q2", number: 2, total: 2, levels: expect.arrayContaining([expect.objectContaining({ value: 1 })]) });
    expect(view).toMatchObject({ room: 3, voted: 2 });
    expect(view.revealed).toBeUndefined();
    expect(view.facilitator).toBeUndefined();
    expect(JSON.stringify(view)).not.toContain("Ana");
  });

  it("gives a participant their own vote, and nobody else's", () => {
    const view = workshopView(rows(), "participant", "p2");
    expect(view.mine).toEqual(level(4));
    expect(view.facilitator).toBeUndefined();
    expect(workshopView(rows(), "participant", "p3").mine).toBeUndefined();
  });

  it("tells the facilitator who has voted and who not, with their private note and the people voted for, unless the workshop is anonymous", () => {
    expect(workshopView(rows(), "facilitator").facilitator).toEqual({
      votedNames: ["Ana", "Someone"],
      waitingNames: ["Dee"],
      privateNote: "ask about the legacy service",
      votedFor: [{ id: "p3", name: "Dee" }],
    });
    // The people voted for were named by the facilitator: they can be taken out of the room in every mode.
    expect(workshopView(rows({ anonymity: "anonymous" }), "facilitator").facilitator).toMatchObject({
      votedNames: [],
      waitingNames: [],
      votedFor: [{ id: "p3", name: "Dee" }],
    });
  });

  it("sends the server's clock, the countdown while voting, and whether the timer closed the votes", () => {
    const endsAt = new Date("2026-12-02T09:59:30Z");
    expect(workshopView(rows({ timerEndsAt: new Date("2026-12-02T10:00:30Z") }), "participant", "p1")).toMatchObject({
      serverNow: "2026-12-02T10:00:00.000Z",
      timerEndsAt: "2026-12-02T10:00:30.000Z",
      timeIsUp: false,
    });
    // Revealed by the timer: no countdown any more, and the room is told time is up.
    expect(workshopView(rows({ phase: "revealed", timerEndsAt: endsAt }), "presenter")).toMatchObject({ timerEndsAt: null, timeIsUp: true });
    expect(workshopView(rows({ phase: "revealed", timerEndsAt: null }), "presenter")).toMatchObject({ timerEndsAt: null, timeIsUp: false });
  });

  it("after the reveal, shows the distribution and names as the anonymity allows", () => {
    const revealed = { phase: "revealed" as const };
    const named = workshopView(rows(revealed), "presenter");
    expect(named.revealed!.tally).toMatchObject({ total: 2, median: 2, spread: 2, disagrees: true });
    expect(named.revealed!.suggested).toEqual(level(2));
    expect(named.revealed!.byName).toEqual([
      { name: "Ana", vote: level(2) },
      { name: "Someone", vote: level(4) },
    ]);
    expect(workshopView(rows({ ...revealed, anonymity: "facilitator" }), "presenter").revealed!.byName).toBeUndefined();
    expect(workshopView(rows({ ...revealed, anonymity: "facilitator" }), "facilitator").revealed!.byName).toHaveLength(2);
    expect(workshopView(rows({ ...revealed, anonymity: "anonymous" }), "facilitator").revealed!.byName).toBeUndefined();
  });
});

describe("each screen's view as JSON", () => {
  it("is the same view, shaped once per change for a whole room, with each participant's own vote added", async () => {
    const { workshopViewJson } = await import("./view-json");
    for (const r of [rows(), rows({ phase: "revealed" })]) {
      for (const [audience, participantId] of [
        ["presenter"],
        ["facilitator"],
        ["participant", "p1"],
        ["participant", "p2"],
        ["participant", "p3"],
        ["participant"],
      ] as const) {
        expect(JSON.parse(workshopViewJson(r, audience, participantId))).toEqual(JSON.parse(JSON.stringify(workshopView(r, audience, participantId))));
      }
    }
    const shared = rows();
    expect(JSON.parse(workshopViewJson(shared, "participant", "p1")).mine).toEqual(level(2));
    expect(JSON.parse(workshopViewJson(shared, "participant", "p3")).mine).toBeUndefined();
  });
});
