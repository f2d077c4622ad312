import { describe, expect, it } from "vitest";
import { WorkshopHub } from "@/server/workshop-hub";
import { workshopEvents } from "@/server/workshop-stream";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { syncModelVersions } from "./model-versions";
import { castVote } from "./workshop-votes";
import { endWorkshop, moveWorkshop, reveal, setTimer } from "./workshops";
import { levelVote as vote, runningWorkshop, workshopTestModel } from "./workshop-test-room";

// What a workshop's screens are told as it runs out of time or comes to an end: a timer that runs
// out closes the votes and says so, and the end closes every participant's stream.

describe.each(drivers)("a workshop's timer and end on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [workshopTestModel]);
  });
  const running = (anonymity: "named" | "facilitator" | "anonymous" = "named", autoReveal = true) => runningWorkshop(t, anonymity, autoReveal);

  it("closes the votes when the timer runs out: a vote after it is refused and reveals them", async () => {
    const { join, view, facilitator, workshop } = await running("named", false);
    const [ana, ben] = [await join("Ana"), await join("Ben")];
    await castVote(ana.ctx, vote(2));
    await setTimer(facilitator, workshop.id, 60, new Date(Date.now() - 90_000)); // ran out half a minute ago
    await expectAppError(castVote(ben.ctx, vote(4)), "conflict", /Time is up/);
    expect(await view("presenter")).toMatchObject({ phase: "revealed", timerEndsAt: null, timeIsUp: true, revealed: { tally: { total: 1 } } });
    // Sent again once the timer has revealed them (a retry, a second tap): still time is up, not "revealed by the facilitator".
    await expectAppError(castVote(ben.ctx, vote(4)), "conflict", /^Time is up/);
    // Revealed by hand, a late vote is told so.
    await moveWorkshop(facilitator, workshop.id, { to: "next" });
    await setTimer(facilitator, workshop.id, 60);
    await reveal(facilitator, workshop.id);
    expect(await view("presenter")).toMatchObject({ phase: "revealed", timeIsUp: false });
    await expectAppError(castVote(ben.ctx, vote(4, "a-q2")), "conflict", /the facilitator has revealed them/);
  });

  it("reveals the votes when the timer runs out, for the screens watching, with nobody voting late", async () => {
    const { org, join, facilitator, workshop } = await running("named", false);
    await castVote((await join("Ana")).ctx, vote(3));
    const hub = new WorkshopHub(t.handle);
    const phases: string[] = [];
    const unwatch = await hub.watch(org, workshop.id, (rows) => phases.push(rows.phase));
    await setTimer(facilitator, workshop.id, 0);
    await expect.poll(() => phases.at(-1), { timeout: 5_000 }).toBe("revealed");
    unwatch();
  });

  it("sends a participant's stream the end of the workshop, then closes it", async () => {
    const { org, join, facilitator, workshop } = await running();
    const ana = await join("Ana");
    const target = { organisationId: org, workshopId: workshop.id, audience: "participant" as const, participantId: ana.participantId };
    const response = await workshopEvents(new Request("http://localhost/api/workshop/events"), target, new WorkshopHub(t.handle));
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) return;
        text += chunk.value;
      }
    };
    await readUntil(/"status":"open"/);
    await endWorkshop(facilitator, workshop.id);
    await readUntil(/"status":"ended"/);
    expect(text).toContain('"status":"ended"');
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});
