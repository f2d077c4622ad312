import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { level } from "@/lib/test-models";
import { JOIN_CODE_LENGTH } from "@/lib/workshop/join-code";
import { workshopView } from "@/lib/workshop/view";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { answers, workshopVotes } from "../schema";
import { listAuditEvents } from "./audit";
import { startAssessment, submitAssessment } from "./assessments";
import { saveAnswer } from "./answers";
import { syncModelVersions } from "./model-versions";
import { createTeam } from "./teams";
import { castVote, joinWorkshop, participantByToken, tokenOfEndedWorkshop } from "./workshop-votes";
import { WORKSHOP_CHANNEL } from "./workshop-state";
import { loadWorkshopRows } from "./workshop-view";
import { addVoteFor, endWorkshop, moveWorkshop, openWorkshop, recordConsensus, reveal, revote, setPrivateNote, workshopAudience } from "./workshops";
import { addTeamMember } from "./team-members";
import { levelVote, runningWorkshop, workshopTestModel } from "./workshop-test-room";

const model = workshopTestModel;

describe.each(drivers)("workshops on %s", (driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });
  const running = (anonymity: "named" | "facilitator" | "anonymous" = "named", autoReveal = true) => runningWorkshop(t, anonymity, autoReveal);
  const vote = levelVote;

  it("opens one workshop per draft with an eight-character code, for the team's lead only", async () => {
    const { org, assessmentId, facilitator, workshop } = await running();
    expect(workshop.joinCode).toMatch(new RegExp(`^[A-Z0-9]{${JOIN_CODE_LENGTH}}$`));
    expect(await openWorkshop(facilitator, { assessmentId, anonymity: "anonymous", autoReveal: false })).toEqual(workshop);
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");
    await expectAppError(openWorkshop(viewer, { assessmentId, anonymity: "named", autoReveal: true }), "forbidden");
    const outsider = t.as(org, await t.member(org, "member"), "member");
    await expectAppError(openWorkshop(outsider, { assessmentId, anonymity: "named", autoReveal: true }), "forbidden", /run its workshop/);
    await expectAppError(openWorkshop(t.ctx(await t.organisation()), { assessmentId, anonymity: "named", autoReveal: true }), "not_found");
    expect((await listAuditEvents(t.ctx(org))).map((e) => e.action)).toContain("workshop.opened");
    // A submitted assessment takes no workshop.
    const other = await startAssessment(t.ctx(org), (await createTeam(t.ctx(org), "Search")).id, model.id);
    for (const q of ["a-q1", "a-q2", "b-q1"]) await saveAnswer(t.ctx(org), { assessmentId: other, questionId: q, answer: level(3), note: null });
    await submitAssessment(t.ctx(org), other);
    await expectAppError(openWorkshop(facilitator, { assessmentId: other, anonymity: "named", autoReveal: true }), "read_only");
  });

  it("shows the facilitator last cycle's team answer to the question on screen, on a draft started from it", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const last = await startAssessment(t.ctx(org), team.id, model.id);
    for (const [q, lvl] of [
      ["a-q1", 4],
      ["a-q2", 2],
      ["b-q1", 3],
    ] as const)
      await saveAnswer(t.ctx(org), { assessmentId: last, questionId: q, answer: level(lvl), note: null });
    await submitAssessment(t.ctx(org), last);
    const assessmentId = await startAssessment(t.ctx(org), team.id, model.id);
    const facilitator = t.as(org, await t.member(org, "facilitator"), "facilitator");
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal: true });
    const rows = (await loadWorkshopRows(t.ctx(org), workshop.id))!;
    expect(workshopView(rows, "facilitator").facilitator?.lastCycle).toMatchObject({ answer: level(4) });
    expect(workshopView(rows, "presenter")).not.toHaveProperty("facilitator");
    await moveWorkshop(facilitator, workshop.id, { to: "next" });
    const moved = (await loadWorkshopRows(t.ctx(org), workshop.id))!;
    expect(workshopView(moved, "facilitator").facilitator?.lastCycle?.answer).toEqual(level(2));
    // A draft started blank has no last cycle to show.
    const { view } = await running();
    expect((await view("facilitator")).facilitator).not.toHaveProperty("lastCycle");
  });

  it("keeps votes hidden until everyone has voted, counts a vote sent twice once, and refuses a late vote", async () => {
    const { join, view } = await running();
    const [ana, ben, cy] = [await join("Ana"), await join("Ben"), await join(null)];
    await castVote(ana.ctx, vote(2));
    await castVote(ana.ctx, vote(2)); // the same vote again: still one
    await castVote(ben.ctx, vote(5));
    await castVote(ben.ctx, vote(4)); // changed before the reveal: the last counts
    const before = await view("presenter");
    expect(before).toMatchObject({ room: 3, voted: 2, phase: "voting" });
    expect(before.revealed).toBeUndefined();
    expect((await view("participant", ben.participantId)).mine).toEqual({ kind: "level", level: 4 });

    await castVote(cy.ctx, vote(3)); // the last one in the room: auto-reveal
    const after = await view("presenter");
    expect(after.phase).toBe("revealed");
    expect(after.revealed!.tally).toMatchObject({ total: 3, median: 3, spread: 2, disagrees: true });
    expect(after.revealed!.byName!.map((v) => v.name)).toEqual(["Ana", "Ben", "Someone"]);
    await expectAppError(castVote(ana.ctx, vote(5)), "conflict", /revealed/);
    await expectAppError(castVote(ana.ctx, vote(5, "b-q1")), "conflict", /moved on/);
  });

  it("shows names to the facilitator only when asked, and to nobody when anonymous", async () => {
    for (const [anonymity, presenter, facilitatorSees] of [
      ["facilitator", false, true],
      ["anonymous", false, false],
    ] as const) {
      const { join, view, facilitator, workshop } = await running(anonymity, false);
      const ana = await join("Ana");
      await castVote(ana.ctx, vote(3));
      expect((await view("facilitator")).facilitator!.votedNames).toEqual(facilitatorSees ? ["Ana"] : []);
      await reveal(facilitator, workshop.id);
      expect((await view("presenter")).revealed!.byName !== undefined).toBe(presenter);
      expect((await view("facilitator")).revealed!.byName !== undefined).toBe(facilitatorSees);
    }
  });

  it("re-votes in a new round, adds a vote for someone without a device, and moves between questions", async () => {
    const { join, view, facilitator, workshop } = await running("named", false);
    const ana = await join("Ana");
    await castVote(ana.ctx, vote(1));
    await reveal(facilitator, workshop.id);
    await revote(facilitator, workshop.id);
    expect(await view("presenter")).toMatchObject({ round: 2, phase: "voting", voted: 0 });
    await expectAppError(castVote(ana.ctx, vote(2, "a-q1", 1)), "conflict");
    await castVote(ana.ctx, vote(3, "a-q1", 2));
    await addVoteFor(facilitator, workshop.id, "Dee (no phone)", { kind: "level", level: 4 });
    await addVoteFor(facilitator, workshop.id, "Dee (no phone)", { kind: "level", level: 5 }); // the same person, changed
    expect(await view("presenter")).toMatchObject({ room: 2, voted: 2 });
    await reveal(facilitator, workshop.id);
    await moveWorkshop(facilitator, workshop.id, { to: "next" });
    expect(await view("presenter")).toMatchObject({ question: { id: "a-q2", number: 2, total: 3 }, phase: "voting", round: 1 });
    // Back to a question already voted on: its last round, revealed.
    await moveWorkshop(facilitator, workshop.id, { to: "previous" });
    const back = await view("presenter");
    expect(back).toMatchObject({ question: { id: "a-q1" }, phase: "revealed", round: 2 });
    expect(back.revealed!.tally.levels.find((l) => l.level === 5)!.count).toBe(1);
    await expectAppError(moveWorkshop(facilitator, workshop.id, { to: "previous" }), "invalid_input", /no previous question/);
    // A question left before its votes were revealed comes back open for voting, its votes kept.
    await moveWorkshop(facilitator, workshop.id, { to: "next" });
    await castVote(ana.ctx, vote(2, "a-q2", 1));
    await expectAppError(revote(facilitator, workshop.id), "conflict", /Reveal this round's votes first/);
    await moveWorkshop(facilitator, workshop.id, { to: "previous" });
    await moveWorkshop(facilitator, workshop.id, { to: "next" });
    expect(await view("participant", ana.participantId)).toMatchObject({
      question: { id: "a-q2" },
      phase: "voting",
      round: 1,
      voted: 1,
      mine: { kind: "level", level: 2 },
    });
  });

  it("takes watchers by the code: they see the presenter's view, cannot vote and are not counted in the room", async () => {
    const { org, join, view, workshop } = await running();
    const ana = await join("Ana");
    const screen = await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name: "Projector", watching: true });
    expect(screen.watching).toBe(true);
    expect(await view("presenter")).toMatchObject({ room: 1, voted: 0 });
    const watcher = t.ctx(org, { kind: "participant", participantId: screen.participantId, name: "Projector" });
    await expectAppError(castVote(watcher, vote(1)), "forbidden", /joined to watch/);
    await castVote(ana.ctx, vote(4)); // everyone who votes has voted: revealed
    expect(await view("presenter")).toMatchObject({ phase: "revealed", revealed: { tally: { total: 1 } } });
    // Joining again to vote makes the same browser a voter in the room.
    const again = await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name: "Ben", token: screen.token });
    expect(again).toMatchObject({ participantId: screen.participantId, watching: false });
    expect((await view("presenter")).room).toBe(2);
  });

  it("stores a vote only for a participant of the same workshop", async () => {
    const first = await running();
    const second = await running();
    const ana = await first.join("Ana");
    const row = { workshopId: second.workshop.id, participantId: ana.participantId, questionId: "a-q1", round: 1, kind: "level" as const, level: 3 };
    await expect(t.handle.db.insert(workshopVotes).values(row)).rejects.toThrow();
  });

  it("records the consensus as the team answer, and ends: joins, votes and tokens stop", async () => {
    const { org, assessmentId, join, facilitator, workshop, view } = await running();
    const ana = await join("Ana");
    await recordConsensus(facilitator, { workshopId: workshop.id, questionId: "a-q1", answer: { kind: "level", level: 3 }, note: "Agreed after a debate" });
    const [answer] = await t.handle.db
      .select()
      .from(answers)
      .where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, "a-q1")));
    expect(answer).toMatchObject({ kind: "level", level: 3, note: "Agreed after a debate" });
    expect((await view("presenter")).consensus).toEqual({ kind: "level", level: 3, note: "Agreed after a debate" });
    await setPrivateNote(facilitator, workshop.id, "a-q1", "Ask Ben about the old pipeline");
    expect((await view("facilitator")).facilitator!.privateNote).toBe("Ask Ben about the old pipeline");
    expect(JSON.stringify(await view("presenter"))).not.toContain("old pipeline");
    expect(await participantByToken(t.handle.db, ana.token)).toMatchObject({ participantId: ana.participantId, workshopId: workshop.id, organisationId: org });

    expect(await tokenOfEndedWorkshop(t.handle.db, ana.token)).toBe(false);
    await endWorkshop(facilitator, workshop.id);
    expect(await participantByToken(t.handle.db, ana.token)).toBeUndefined();
    // Her phone is still told the workshop it was in has ended; a token nobody was given is not.
    expect(await tokenOfEndedWorkshop(t.handle.db, ana.token)).toBe(true);
    expect(await tokenOfEndedWorkshop(t.handle.db, "not-a-token")).toBe(false);
    await expectAppError(joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name: "Late" }), "read_only", /ended/);
    await expectAppError(castVote(ana.ctx, vote(3)), "conflict", /ended/);
    await expectAppError(reveal(facilitator, workshop.id), "read_only");
    await expectAppError(joinWorkshop(t.handle.db, { joinCode: "ZZZZZZZZ", name: null }), "not_found", /No workshop has this code/);
  });

  it("lets only the opener (or an owner or admin) run it, shows the draft only to those who may see it, and ends it when the draft is submitted", async () => {
    const { org, teamId, assessmentId, facilitator, workshop, join } = await running();
    const teamMember = await t.member(org, "member");
    await addTeamMember(t.ctx(org), teamId, teamMember);
    const member = t.as(org, teamMember, "member");
    await expectAppError(reveal(member, workshop.id), "forbidden", /run by the person who opened it/);
    expect(await workshopAudience(member, workshop.id)).toBe("presenter");
    expect(await workshopAudience(facilitator, workshop.id)).toBe("facilitator");
    expect(await workshopAudience(t.as(org, await t.member(org, "admin"), "admin"), workshop.id)).toBe("facilitator");
    await expectAppError(workshopAudience(t.as(org, await t.member(org, "viewer"), "viewer"), workshop.id), "not_found");
    await expectAppError(workshopAudience(t.as(org, await t.member(org, "member"), "member"), workshop.id), "not_found");

    // Joining again from the same phone keeps one participant.
    const ana = await join("Ana");
    const again = await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name: "Ana B.", token: ana.token });
    expect(again).toMatchObject({ participantId: ana.participantId, name: "Ana B.", token: ana.token });

    for (const q of ["a-q1", "a-q2", "b-q1"]) await saveAnswer(t.ctx(org), { assessmentId, questionId: q, answer: level(3), note: null });
    await submitAssessment(t.ctx(org), assessmentId);
    await expectAppError(castVote(ana.ctx, vote(3)), "conflict", /ended/);
    expect(await participantByToken(t.handle.db, ana.token)).toBeUndefined();
  });

  it("lets a participant vote only in their own workshop, and a member not at all", async () => {
    const first = await running();
    const second = await running();
    const ana = await first.join("Ana");
    // Ana's identity in another organisation's context finds nothing.
    await expectAppError(castVote(t.ctx(second.org, ana.ctx.actor), vote(3)), "not_found");
    await expectAppError(castVote(first.facilitator, vote(3)), "forbidden", /Only the workshop's participants vote/);
  });

  it("announces every change on the workshop channel once it commits", async () => {
    const { join, workshop } = await running("named", false);
    const heard: string[] = [];
    const stop = await t.handle.listen(WORKSHOP_CHANNEL, (payload) => heard.push(payload));
    try {
      const ana = await join("Ana");
      await castVote(ana.ctx, vote(2));
      await expect.poll(() => heard.filter((p) => p === workshop.id).length).toBeGreaterThanOrEqual(2);
    } finally {
      await stop();
    }
  });

  // Two instances need two handles on one database: only PostgreSQL has them (PGlite lives in one process).
  if (driver === "postgres")
    it("reaches a second instance on the same PostgreSQL within a second", async () => {
      const { join, workshop } = await running("named", false);
      const other = await open();
      try {
        let heardAt = 0;
        const stop = await other.listen(WORKSHOP_CHANNEL, (payload) => {
          if (payload === workshop.id) heardAt ||= Date.now();
        });
        const ana = await join("Ana");
        const sentAt = Date.now();
        await castVote(ana.ctx, vote(4));
        await expect.poll(() => heardAt, { timeout: 1000 }).toBeGreaterThan(0);
        expect(heardAt - sentAt).toBeLessThan(1000);
        await stop();
      } finally {
        await other.close();
      }
    });
});
