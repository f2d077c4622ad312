import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { listAuditEvents } from "./audit";
import { createGroup, deleteGroup, listGroups, moveGroup, renameGroup, setTeamGroup, teamsPerGroup } from "./groups";
import { createTeam, listTeams } from "./teams";

describe.each(drivers)("groups on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("nests departments, tribes and deeper groups, and lists them", async () => {
    const org = await t.organisation();
    const ctx = t.ctx(org);
    const engineering = await createGroup(ctx, { name: "Engineering", parentId: null });
    const platform = await createGroup(ctx, { name: "Platform", parentId: engineering.id });
    const data = await createGroup(ctx, { name: "Data", parentId: platform.id });
    const lake = await createGroup(ctx, { name: "Lake", parentId: data.id });
    await expectAppError(createGroup(ctx, { name: "Too deep", parentId: lake.id }), "invalid_input", /at most 4 levels/);
    // The same name may be used under another parent, not twice under one.
    await createGroup(ctx, { name: "Platform", parentId: null });
    await expectAppError(createGroup(ctx, { name: "platform", parentId: engineering.id }), "conflict", /already exists/);
    expect((await listGroups(ctx)).map((g) => [g.name, g.parentId])).toEqual([
      ["Data", platform.id],
      ["Engineering", null],
      ["Lake", data.id],
      ["Platform", engineering.id],
      ["Platform", null],
    ]);
    const events = await listAuditEvents(ctx);
    expect(events.map((e) => e.summary)).toContain("Created group “Data” in “Engineering › Platform”");
  });

  it("moves groups without cycles and renames them", async () => {
    const org = await t.organisation();
    const ctx = t.ctx(org);
    const a = await createGroup(ctx, { name: "A", parentId: null });
    const b = await createGroup(ctx, { name: "B", parentId: a.id });
    await expectAppError(moveGroup(ctx, a.id, b.id), "invalid_input", /inside itself or inside one of its own/);
    await moveGroup(ctx, b.id, null);
    await moveGroup(ctx, a.id, b.id);
    expect((await listGroups(ctx)).find((g) => g.id === a.id)?.parentId).toBe(b.id);
    await createGroup(ctx, { name: "C", parentId: null });
    const c2 = await createGroup(ctx, { name: "C", parentId: b.id });
    await expectAppError(moveGroup(ctx, c2.id, null), "conflict", /“C” already exists/);
    await renameGroup(ctx, c2.id, "D");
    await moveGroup(ctx, c2.id, null);
  });

  it("refuses to delete a group that still holds teams or groups, and says what to do", async () => {
    const org = await t.organisation();
    const ctx = t.ctx(org);
    const tribe = await createGroup(ctx, { name: "Tribe", parentId: null });
    const squad = await createGroup(ctx, { name: "Squad", parentId: tribe.id });
    const team = await createTeam(ctx, "Payments");
    await setTeamGroup(ctx, team.id, tribe.id);
    expect(await teamsPerGroup(ctx)).toEqual(new Map([[tribe.id, 1]]));
    await expectAppError(deleteGroup(ctx, tribe.id), "conflict", "“Tribe” still holds 1 team and 1 group. Move them to another group first, then delete it.");
    await deleteGroup(ctx, squad.id);
    await setTeamGroup(ctx, team.id, null);
    await deleteGroup(ctx, tribe.id);
    expect(await listGroups(ctx)).toEqual([]);
    expect((await listTeams(ctx))[0]).toMatchObject({ name: "Payments" });
  });

  it("keeps organisations apart and lets only owners and admins change groups", async () => {
    const org = await t.organisation();
    const other = await t.organisation();
    const theirs = await createGroup(t.ctx(other), { name: "Theirs", parentId: null });
    const team = await createTeam(t.ctx(org), "Ours");
    await expectAppError(setTeamGroup(t.ctx(org), team.id, theirs.id), "invalid_input", "That group was not found.");
    await expectAppError(createGroup(t.ctx(org), { name: "Inside theirs", parentId: theirs.id }), "invalid_input", /parent group was not found/);
    await expectAppError(deleteGroup(t.ctx(org), theirs.id), "not_found");
    expect(await listGroups(t.ctx(org))).toEqual([]);

    const viewer = await t.member(org, "viewer");
    const facilitator = await t.member(org, "facilitator");
    await expectAppError(createGroup(t.as(org, viewer, "viewer"), { name: "X", parentId: null }), "forbidden");
    await expectAppError(setTeamGroup(t.as(org, facilitator, "facilitator"), team.id, null), "forbidden");
  });
});
