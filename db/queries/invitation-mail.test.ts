import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { acceptInvitation, createInvitation } from "./invitations";
import { getOutboxMail, listOutbox } from "./mail";
import { createTeam, setTeamArchived } from "./teams";

describe.each(drivers)("invitations by mail on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("queue a mail with the link as the organisation's mail, which the link in it lets the invitee join by", async () => {
    const org = await t.organisation("Invite by mail");
    const owner = t.as(org, await t.member(org, "owner", "Olivia Owner"), "owner");
    const team = await createTeam(owner, "Payments");
    const { token } = await createInvitation(owner, "facilitator", [team.id], { to: "new.person@example.com", origin: "https://stave.example" });

    const [mail] = await listOutbox(owner);
    expect(mail).toMatchObject({
      to: "new.person@example.com",
      subject: expect.stringMatching(/^Olivia Owner invites you to Invite by mail/),
      state: "queued",
    });
    const { text } = await getOutboxMail(owner, mail!.id);
    expect(text).toContain(`Accept the invitation: https://stave.example/invite/${token}`);
    expect(text).toContain("as a facilitator, in the team Payments.");
    expect(text).not.toContain("To stop these messages");

    const link = /https:\/\/stave\.example\/invite\/([\w-]+)/.exec(text)![1]!;
    const joined = await acceptInvitation(t.handle.db, link, await t.user("New Person"));
    expect(joined).toMatchObject({ organisationId: org, role: "facilitator", teams: ["Payments"] });
  });

  it("queue nothing without an address, nor when the invitation is refused", async () => {
    const org = await t.organisation("Invite by mail");
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    await createInvitation(owner, "member");
    expect(await listOutbox(owner)).toEqual([]);

    const team = await createTeam(owner, "Archived");
    await setTeamArchived(owner, team.id, true);
    await expectAppError(createInvitation(owner, "member", [team.id], { to: "a@example.com", origin: "https://stave.example" }), "invalid_input");
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    await expectAppError(createInvitation(admin, "owner", [], { to: "b@example.com", origin: "https://stave.example" }), "forbidden");
    expect(await listOutbox(owner)).toEqual([]);
  });
});
