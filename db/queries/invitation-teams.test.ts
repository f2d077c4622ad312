import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, inviteLinks, inviteLinkTeams, teamMembers } from "../schema";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { acceptInvitation, createInvitation, listOpenInvitations, previewInvitation } from "./invitations";
import { listTeamMembers } from "./team-members";
import { createTeam, listTeams, setTeamArchived } from "./teams";

// An invitation may name the teams whoever accepts it joins, as well as the organisation.

describe.each(drivers)("invitations naming teams on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function organisationWithTeams(label = "Acme") {
    const org = await t.organisation(label);
    const ownerId = await t.member(org, "owner", "Olivia Owner");
    const owner = t.as(org, ownerId, "owner");
    const payments = await createTeam(owner, "Payments");
    const search = await createTeam(owner, "Search");
    const billing = await createTeam(owner, "Billing");
    return { org, owner, payments, search, billing };
  }

  const written = async (org: string) => ({
    links: await t.handle.db.select({ id: inviteLinks.id }).from(inviteLinks).where(eq(inviteLinks.organisationId, org)),
    audit: await t.handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.organisationId, org)),
  });

  it("stores the teams, lists and previews them, and puts the person in them on accepting, audited", async () => {
    const { org, owner, payments, search } = await organisationWithTeams();
    const { token } = await createInvitation(owner, "member", [search.id, payments.id]);

    const [listed] = await listOpenInvitations(owner);
    expect(listed!.teams).toEqual([
      { id: payments.id, name: "Payments", archived: false },
      { id: search.id, name: "Search", archived: false },
    ]);
    expect(await previewInvitation(t.handle.db, token)).toMatchObject({ role: "member", teams: ["Payments", "Search"] });

    const newcomer = await t.user("Nina Newcomer");
    expect(await acceptInvitation(t.handle.db, token, newcomer)).toMatchObject({ organisationId: org, role: "member", teams: ["Payments", "Search"] });
    for (const team of [payments, search]) expect((await listTeamMembers(owner, team.id)).map((m) => m.name)).toEqual(["Nina Newcomer"]);
    expect((await listTeams(t.as(org, newcomer, "member"))).filter((x) => x.mine).map((x) => x.name)).toEqual(["Payments", "Search"]);

    const events = await t.handle.db
      .select({ action: auditEvents.action, summary: auditEvents.summary, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org));
    expect(events.find((e) => e.action === "invitation.created")).toMatchObject({
      summary: "Created an invitation link for the role Member, joining the teams “Payments” and “Search”",
      detail: { role: "member", teamIds: [payments.id, search.id] },
    });
    expect(events.find((e) => e.action === "member.joined")).toMatchObject({
      summary: "Joined by invitation as Member, in the teams “Payments” and “Search”",
      detail: { role: "member", teamIds: [payments.id, search.id] },
    });
  });

  it("refuses a team of another organisation, or one that does not exist, and writes nothing", async () => {
    const mine = await organisationWithTeams("Mine");
    const theirs = await organisationWithTeams("Theirs");
    const before = await written(mine.org);

    for (const stranger of [theirs.payments.id, randomUUID()]) {
      const error = await expectAppError(
        createInvitation(mine.owner, "member", [mine.search.id, stranger]),
        "invalid_input",
        /One of the chosen teams is not a team of this organisation/,
      );
      expect(error.fieldErrors?.teamIds?.[0]).toMatch(/not a team of this organisation/);
    }

    expect(await written(mine.org)).toEqual(before);
    expect(await written(theirs.org)).toEqual({ links: [], audit: expect.any(Array) });
    expect(
      await t.handle.db
        .select()
        .from(inviteLinkTeams)
        .where(inArray(inviteLinkTeams.teamId, [mine.search.id, theirs.payments.id])),
    ).toEqual([]);
  });

  it("refuses an archived team by name, and writes nothing", async () => {
    const { org, owner, payments, billing } = await organisationWithTeams();
    await setTeamArchived(owner, billing.id, true);
    const before = await written(org);

    await expectAppError(
      createInvitation(owner, "member", [payments.id, billing.id]),
      "invalid_input",
      "The team “Billing” is archived: restore it first, or leave it out.",
    );
    expect(await written(org)).toEqual(before);
  });

  it("skips a team archived since the invitation was created, and says so in the open invitations", async () => {
    const { owner, payments, billing } = await organisationWithTeams();
    const { token } = await createInvitation(owner, "viewer", [payments.id, billing.id]);
    await setTeamArchived(owner, billing.id, true);

    expect((await listOpenInvitations(owner))[0]!.teams).toEqual([
      { id: billing.id, name: "Billing", archived: true },
      { id: payments.id, name: "Payments", archived: false },
    ]);
    expect((await previewInvitation(t.handle.db, token)).teams).toEqual(["Payments"]);
    const newcomer = await t.user();
    expect((await acceptInvitation(t.handle.db, token, newcomer)).teams).toEqual(["Payments"]);
    const rows = await t.handle.db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, newcomer));
    expect(rows).toEqual([{ teamId: payments.id }]);
  });

  it("leaves teams out of an invitation that names none", async () => {
    const { owner } = await organisationWithTeams();
    const { token } = await createInvitation(owner, "member");
    const newcomer = await t.user();
    expect((await acceptInvitation(t.handle.db, token, newcomer)).teams).toEqual([]);
    expect(await t.handle.db.select().from(teamMembers).where(eq(teamMembers.userId, newcomer))).toEqual([]);
  });
});
