import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { members, teamMembers } from "../schema";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { addTeamMember, isTeamMember, listTeamMembers, removeTeamMember } from "./team-members";
import { createTeam } from "./teams";

describe.each(drivers)("team members on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("adds members to a team, lists them by name and removes them", async () => {
    const org = await t.organisation();
    const zoe = await t.member(org, "member", "Zoe Zimmer");
    const adam = await t.member(org, "viewer", "Adam Abbott");
    const bystander = await t.member(org, "member", "Bea Bystander");
    const team = await createTeam(t.ctx(org), "Payments");
    const otherTeam = await createTeam(t.ctx(org), "Search");

    await addTeamMember(t.ctx(org), team.id, zoe);
    await addTeamMember(t.ctx(org), team.id, adam);
    await addTeamMember(t.ctx(org), otherTeam.id, bystander);

    expect(await listTeamMembers(t.ctx(org), team.id)).toEqual([
      { userId: adam, name: "Adam Abbott", email: `${adam}@test.example` },
      { userId: zoe, name: "Zoe Zimmer", email: `${zoe}@test.example` },
    ]);
    expect(await isTeamMember(t.ctx(org), team.id, zoe)).toBe(true);
    expect(await isTeamMember(t.ctx(org), team.id, bystander)).toBe(false);
    expect(await isTeamMember(t.ctx(org), otherTeam.id, zoe)).toBe(false);

    await removeTeamMember(t.ctx(org), team.id, zoe);

    expect(await isTeamMember(t.ctx(org), team.id, zoe)).toBe(false);
    expect((await listTeamMembers(t.ctx(org), team.id)).map((m) => m.userId)).toEqual([adam]);
    expect((await listTeamMembers(t.ctx(org), otherTeam.id)).map((m) => m.userId)).toEqual([bystander]);
  });

  it("adds someone who is already in the team only once", async () => {
    const org = await t.organisation();
    const user = await t.member(org);
    const team = await createTeam(t.ctx(org), "Payments");

    await addTeamMember(t.ctx(org), team.id, user);
    await addTeamMember(t.ctx(org), team.id, user);

    expect((await listTeamMembers(t.ctx(org), team.id)).map((m) => m.userId)).toEqual([user]);
  });

  it("removes someone who is not in the team without complaint", async () => {
    const org = await t.organisation();
    const user = await t.member(org);
    const team = await createTeam(t.ctx(org), "Payments");

    await expect(removeTeamMember(t.ctx(org), team.id, user)).resolves.toBeUndefined();
    expect(await listTeamMembers(t.ctx(org), team.id)).toEqual([]);
  });

  it("refuses someone who is not a member of the organisation", async () => {
    const org = await t.organisation();
    const elsewhere = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const stranger = await t.user();
    const memberElsewhere = await t.member(elsewhere);

    await expectAppError(addTeamMember(t.ctx(org), team.id, stranger), "invalid_input", "That person is not a member of this organisation.");
    await expectAppError(addTeamMember(t.ctx(org), team.id, memberElsewhere), "invalid_input");

    expect(await listTeamMembers(t.ctx(org), team.id)).toEqual([]);
    expect(await isTeamMember(t.ctx(org), team.id, memberElsewhere)).toBe(false);
  });

  it("reports an unknown team as not found", async () => {
    const org = await t.organisation();
    const user = await t.member(org);
    const unknown = randomUUID();

    await expectAppError(addTeamMember(t.ctx(org), unknown, user), "not_found", "The team was not found.");
    await expectAppError(removeTeamMember(t.ctx(org), unknown, user), "not_found", "The team was not found.");
    expect(await isTeamMember(t.ctx(org), unknown, user)).toBe(false);
    expect(await listTeamMembers(t.ctx(org), unknown)).toEqual([]);
  });

  it("keeps another organisation's teams out of reach", async () => {
    const mine = await t.organisation("Mine");
    const theirs = await t.organisation("Theirs");
    const their = await createTeam(t.ctx(theirs), "Payments");
    const theirMember = await t.member(theirs);
    await addTeamMember(t.ctx(theirs), their.id, theirMember);
    // Someone who belongs to both organisations is still only reachable through the team's own.
    const both = await t.member(mine);
    await t.handle.db.insert(members).values({ organisationId: theirs, userId: both, role: "member" });
    await addTeamMember(t.ctx(theirs), their.id, both);

    await expectAppError(addTeamMember(t.ctx(mine), their.id, both), "not_found", "The team was not found.");
    await expectAppError(removeTeamMember(t.ctx(mine), their.id, both), "not_found", "The team was not found.");
    expect(await isTeamMember(t.ctx(mine), their.id, both)).toBe(false);
    expect(await isTeamMember(t.ctx(mine), their.id, theirMember)).toBe(false);
    expect(await listTeamMembers(t.ctx(mine), their.id)).toEqual([]);

    // Untouched in its own organisation.
    expect(await isTeamMember(t.ctx(theirs), their.id, both)).toBe(true);
    const rows = await t.handle.db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, their.id));
    expect(rows.map((r) => r.userId).sort()).toEqual([both, theirMember].sort());
  });
});
