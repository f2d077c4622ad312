import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { createTeam, getTeam, listTeams, renameTeam, setTeamArchived } from "./teams";

describe.each(drivers)("teams on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("creates teams and lists them by name, ignoring case", async () => {
    const org = await t.organisation();
    const beta = await createTeam(org, "beta");
    await createTeam(org, "Alpha");
    await createTeam(org, "gamma");

    expect(beta).toEqual({ id: expect.any(String), name: "beta", archivedAt: null });
    expect(await getTeam(org, beta.id)).toEqual(beta);
    expect((await listTeams(org)).map((team) => team.name)).toEqual(["Alpha", "beta", "gamma"]);
  });

  it("renames a team, including to another case of its own name", async () => {
    const org = await t.organisation();
    const team = await createTeam(org, "Payments");

    expect(await renameTeam(org, team.id, "Checkout")).toEqual({ id: team.id, name: "Checkout", archivedAt: null });
    expect(await renameTeam(org, team.id, "CHECKOUT")).toMatchObject({ name: "CHECKOUT" });
    expect((await getTeam(org, team.id))?.name).toBe("CHECKOUT");
  });

  it("archives a team out of the list and restores it", async () => {
    const org = await t.organisation();
    const kept = await createTeam(org, "Kept");
    const team = await createTeam(org, "Legacy");

    const archived = await setTeamArchived(org, team.id, true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await listTeams(org)).map((x) => x.id)).toEqual([kept.id]);
    expect((await listTeams(org, { includeArchived: true })).map((x) => x.id)).toEqual([kept.id, team.id]);

    expect((await setTeamArchived(org, team.id, false)).archivedAt).toBeNull();
    expect((await listTeams(org)).map((x) => x.id)).toEqual([kept.id, team.id]);
  });

  it("refuses a second team whose name differs only in case", async () => {
    const org = await t.organisation();
    await createTeam(org, "payments");

    const error = await expectAppError(createTeam(org, "Payments"), "conflict", "A team called “Payments” already exists");
    expect(error.fieldErrors).toEqual({ name: ["That name is already taken."] });
    expect((await listTeams(org)).map((x) => x.name)).toEqual(["payments"]);
  });

  it("refuses the name of an archived team", async () => {
    const org = await t.organisation();
    const old = await createTeam(org, "Ops");
    await setTeamArchived(org, old.id, true);

    await expectAppError(createTeam(org, "ops"), "conflict");
  });

  it("refuses to rename a team to a name another team has, and keeps its name", async () => {
    const org = await t.organisation();
    await createTeam(org, "Payments");
    const team = await createTeam(org, "Search");

    await expectAppError(renameTeam(org, team.id, "PAYMENTS"), "conflict", "A team called “PAYMENTS” already exists");
    expect((await getTeam(org, team.id))?.name).toBe("Search");
  });

  it("reports an unknown team as not found", async () => {
    const org = await t.organisation();
    const unknown = randomUUID();

    expect(await getTeam(org, unknown)).toBeUndefined();
    await expectAppError(renameTeam(org, unknown, "X"), "not_found", "The team was not found.");
    await expectAppError(setTeamArchived(org, unknown, true), "not_found", "The team was not found.");
  });

  it("keeps another organisation's teams out of sight and out of reach", async () => {
    const mine = await t.organisation("Mine");
    const theirs = await t.organisation("Theirs");
    const their = await createTeam(theirs, "Payments");
    // Names are unique per organisation only.
    const own = await createTeam(mine, "Payments");

    expect(await getTeam(mine, their.id)).toBeUndefined();
    expect((await listTeams(mine, { includeArchived: true })).map((x) => x.id)).toEqual([own.id]);
    await expectAppError(renameTeam(mine, their.id, "Hijacked"), "not_found");
    await expectAppError(setTeamArchived(mine, their.id, true), "not_found");
    expect(await getTeam(theirs, their.id)).toEqual({ id: their.id, name: "Payments", archivedAt: null });
  });
});
