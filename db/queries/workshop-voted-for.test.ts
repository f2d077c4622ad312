import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { testModel } from "@/lib/test-models";
import type { Model } from "@/lib/model/schema";
import { workshopView } from "@/lib/workshop/view";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { workshopVotes } from "../schema";
import { listAuditEvents } from "./audit";
import { startAssessment } from "./assessments";
import { syncModelVersions } from "./model-versions";
import { addTeamMember } from "./team-members";
import { createTeam } from "./teams";
import { castVote, joinWorkshop } from "./workshop-votes";
import { WORKSHOP_CHANNEL } from "./workshop-state";
import { loadWorkshopRows } from "./workshop-view";
import { addVoteFor, endWorkshop, moveWorkshop, openWorkshop, removeVotedFor } from "./workshops";

const [model] = withContentId("workshop-voted-for-test", [testModel({ areas: [{ id: "a", questions: 2 }] })]) as [Model];

describe.each(drivers)("removing someone the facilitator voted for, on %s", (driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  async function running(autoReveal = true) {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const assessmentId = await startAssessment(t.ctx(org), team.id, model.id);
    const facilitator = t.as(org, await t.member(org, "facilitator", "Fran Facilitator"), "facilitator");
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal });
    const join = async (name: string) => {
      const p = await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name });
      const actor: Actor = { kind: "participant", participantId: p.participantId, name };
      return { ...p, ctx: t.ctx(org, actor) };
    };
    const view = async () => workshopView((await loadWorkshopRows(t.ctx(org), workshop.id))!, "facilitator");
    return { org, teamId: team.id, facilitator, workshop, join, view };
  }
  const level = (n: number) => ({ kind: "level" as const, level: n });
  const votesOf = (participantId: string) => t.handle.db.select().from(workshopVotes).where(eq(workshopVotes.participantId, participantId));

  it("takes them out of the room with every vote given for them, announced and audited", async () => {
    const { org, facilitator, workshop, join, view } = await running(false);
    const ana = await join("Ana");
    await castVote(ana.ctx, { questionId: "a-q1", round: 1, vote: level(2) });
    await addVoteFor(facilitator, workshop.id, "Dee", level(4));
    await moveWorkshop(facilitator, workshop.id, { to: "next" });
    await addVoteFor(facilitator, workshop.id, "Dee", level(3));
    const before = await view();
    expect(before).toMatchObject({ room: 2, voted: 1 });
    const dee = before.facilitator!.votedFor[0]!;
    expect(dee.name).toBe("Dee");
    expect(await votesOf(dee.id)).toHaveLength(2);

    const notified: string[] = [];
    const stop = await t.handle.listen(WORKSHOP_CHANNEL, (payload) => notified.push(payload));
    expect(await removeVotedFor(facilitator, workshop.id, dee.id)).toEqual({ name: "Dee" });
    await expect.poll(() => notified, { timeout: 5_000 }).toContain(workshop.id);
    await stop();

    expect(await view()).toMatchObject({ room: 1, voted: 0, facilitator: { votedFor: [], waitingNames: ["Ana"] } });
    expect(await votesOf(dee.id)).toHaveLength(0);
    expect(await votesOf(ana.participantId)).toHaveLength(1);
    expect((await listAuditEvents(t.ctx(org))).find((e) => e.action === "workshop.participant_removed")?.summary).toContain("Dee");
    // Gone is gone: a second removal finds no one.
    await expectAppError(removeVotedFor(facilitator, workshop.id, dee.id), "not_found");
  });

  it("refuses anyone who does not run the workshop, and someone who joined on their own device", async () => {
    const { org, teamId, facilitator, workshop, join, view } = await running();
    const ana = await join("Ana");
    await addVoteFor(facilitator, workshop.id, "Dee", level(4));
    const dee = (await view()).facilitator!.votedFor[0];

    // A member of the team who did not open it, a member outside the team, a viewer, a participant.
    const teamMember = await t.member(org, "member");
    await addTeamMember(t.ctx(org), teamId, teamMember);
    await expectAppError(removeVotedFor(t.as(org, teamMember, "member"), workshop.id, dee!.id), "forbidden", /run by the person who opened it/);
    await expectAppError(removeVotedFor(t.as(org, await t.member(org, "member"), "member"), workshop.id, dee!.id), "forbidden");
    await expectAppError(removeVotedFor(t.as(org, await t.member(org, "viewer"), "viewer"), workshop.id, dee!.id), "forbidden");
    await expectAppError(removeVotedFor(ana.ctx, workshop.id, dee!.id), "forbidden");
    // Another organisation does not find the workshop.
    await expectAppError(removeVotedFor(t.as(await t.organisation(), await t.member(org, "owner"), "owner"), workshop.id, dee!.id), "not_found");
    // Someone on their own phone stays, with their vote.
    await castVote(ana.ctx, { questionId: "a-q1", round: 1, vote: level(2) });
    await expectAppError(removeVotedFor(facilitator, workshop.id, ana.participantId), "forbidden", /own device/);
    expect(await votesOf(ana.participantId)).toHaveLength(1);
    expect(await votesOf(dee!.id)).toHaveLength(1);
    // An admin may.
    await removeVotedFor(t.as(org, await t.member(org, "admin"), "admin"), workshop.id, dee!.id);
    expect(await votesOf(dee!.id)).toHaveLength(0);
  });

  it("reveals the votes when the one removed was the last still to vote, with auto-reveal on", async () => {
    const { facilitator, workshop, join, view } = await running(true);
    const ana = await join("Ana");
    await addVoteFor(facilitator, workshop.id, "Dee", level(4));
    await moveWorkshop(facilitator, workshop.id, { to: "next" }); // Dee has no vote on this one
    await castVote(ana.ctx, { questionId: "a-q2", round: 1, vote: level(3) });
    expect(await view()).toMatchObject({ phase: "voting", room: 2, voted: 1, facilitator: { waitingNames: ["Dee"] } });
    await removeVotedFor(facilitator, workshop.id, (await view()).facilitator!.votedFor[0]!.id);
    expect(await view()).toMatchObject({ phase: "revealed", room: 1, voted: 1 });
  });

  it("refuses once the workshop has ended", async () => {
    const { facilitator, workshop, view } = await running();
    await addVoteFor(facilitator, workshop.id, "Dee", level(4));
    const dee = (await view()).facilitator!.votedFor[0]!;
    await endWorkshop(facilitator, workshop.id);
    await expectAppError(removeVotedFor(facilitator, workshop.id, dee.id), "read_only");
  });
});
