import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { createTeam, getTeam, listTeams, renameTeam, setTeamArchived } from "./teams";

describe.each(drivers)("teams on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("creates teams and lists them by name, ignoring case", async () => {
    const org = await t.organisation();
    const beta = await createTeam(t.ctx(org), "beta");
    await createTeam(t.ctx(org), "Alpha");
    await createTeam(t.ctx(org), "gamma");

    expect(beta).toEqual({ id: expect.any(String), name: "beta", archivedAt: null });
    expect(await getTeam(t.ctx(org), beta.id)).toEqual(beta);
    expect((await listTeams(t.ctx(org))).map((team) => team.name)).toEqual(["Alpha", "beta", "gamma"]);
  });

  it("renames a team, including to another case of its own name", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");

    expect(await renameTeam(t.ctx(org), team.id, "Checkout")).toEqual({ id: team.id, name: "Checkout", archivedAt: null });
    expect(await renameTeam(t.ctx(org), team.id, "CHECKOUT")).toMatchObject({ name: "CHECKOUT" });
    expect((await getTeam(t.ctx(org), team.id))?.name).toBe("CHECKOUT");
  });

  it("archives a team out of the list and restores it", async () => {
    const org = await t.organisation();
    const kept = await createTeam(t.ctx(org), "Kept");
    const team = await createTeam(t.ctx(org), "Legacy");

    const archived = await setTeamArchived(t.ctx(org), team.id, true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await listTeams(t.ctx(org))).map((x) => x.id)).toEqual([kept.id]);
    expect((await listTeams(t.ctx(org), { includeArchived: true })).map((x) => x.id)).toEqual([kept.id, team.id]);

    expect((await setTeamArchived(t.ctx(org), team.id, false)).archivedAt).toBeNull();
    expect((await listTeams(t.ctx(org))).map((x) => x.id)).toEqual([kept.id, team.id]);
  });

  it("refuses a second team whose name differs only in case", async () => {
    const org = await t.organisation();
    await createTeam(t.ctx(org), "payments");

    const error = await expectAppError(createTeam(t.ctx(org), "Payments"), "conflict", "A team called “Payments” already exists");
    expect(error.fieldErrors).toEqual({ name: ["That name is already taken."] });
    expect((await listTeams(t.ctx(org))).map((x) => x.name)).toEqual(["payments"]);
  });

  it("refuses the name of an archived team", async () => {
    const org = await t.organisation();
    const old = await createTeam(t.ctx(org), "Ops");
    await setTeamArchived(t.ctx(org), old.id, true);

    await expectAppError(createTeam(t.ctx(org), "ops"), "conflict");
  });

  it("refuses to rename a team to a name another team has, and keeps its name", async () => {
    const org = await t.organisation();
    await createTeam(t.ctx(org), "Payments");
    const team = await createTeam(t.ctx(org), "Search");

    await expectAppError(renameTeam(t.ctx(org), team.id, "PAYMENTS"), "conflict", "A team called “PAYMENTS” already exists");
    expect((await getTeam(t.ctx(org), team.id))?.name).toBe("Search");
  });

  it("reports an unknown team as not found", async () => {
    const org = await t.organisation();
    const unknown = randomUUID();

    expect(await getTeam(t.ctx(org), unknown)).toBeUndefined();
    await expectAppError(renameTeam(t.ctx(org), unknown, "X"), "not_found", "The team was not found.");
    await expectAppError(setTeamArchived(t.ctx(org), unknown, true), "not_found", "The team was not found.");
  });

  it("keeps another organisation's teams out of sight and out of reach", async () => {
    const mine = await t.organisation("Mine");
    const theirs = await t.organisation("Theirs");
    const their = await createTeam(t.ctx(theirs), "Payments");
    // Names are unique per organisation only.
    const own = await createTeam(t.ctx(mine), "Payments");

    expect(await getTeam(t.ctx(mine), their.id)).toBeUndefined();
    expect((await listTeams(t.ctx(mine), { includeArchived: true })).map((x) => x.id)).toEqual([own.id]);
    await expectAppError(renameTeam(t.ctx(mine), their.id, "Hijacked"), "not_found");
    await expectAppError(setTeamArchived(t.ctx(mine), their.id, true), "not_found");
    expect(await getTeam(t.ctx(theirs), their.id)).toEqual({ id: their.id, name: "Payments", archivedAt: null });
  });
});
