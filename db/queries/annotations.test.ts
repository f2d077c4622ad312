import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { addTeamMember } from "./team-members";
import { listAuditEvents } from "./audit";
import { createTeam } from "./teams";
import { trendAnnotations } from "../schema";
import { addAnnotation, listAnnotations, removeAnnotation } from "./annotations";

describe.each(drivers)("trend notes on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  const audited = async (org: string, action: string) => (await listAuditEvents(t.ctx(org))).filter((e) => e.action === action).map((e) => e.summary);
  const stored = (teamId: string) => t.handle.db.select().from(trendAnnotations).where(eq(trendAnnotations.teamId, teamId));

  it("adds notes, lists them by date (then by when they were added), and removes one", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const other = await createTeam(t.ctx(org), "Search");
    const lead = await t.member(org, "member");
    await addTeamMember(t.ctx(org), team.id, lead);
    const as = t.as(org, lead, "member");

    const reorg = await addAnnotation(as, { teamId: team.id, on: "2026-03-01", text: "Reorg" });
    const k8s = await addAnnotation(as, { teamId: team.id, on: "2025-11-15", text: "Moved to Kubernetes" });
    const sameDay = await addAnnotation(as, { teamId: team.id, on: "2026-03-01", text: "New lead" });
    await addAnnotation(t.ctx(org), { teamId: other.id, on: "2026-01-01", text: "Elsewhere" });

    expect(await listAnnotations(t.ctx(org), team.id)).toEqual([
      { id: k8s.id, on: "2025-11-15", text: "Moved to Kubernetes" },
      { id: reorg.id, on: "2026-03-01", text: "Reorg" },
      { id: sameDay.id, on: "2026-03-01", text: "New lead" },
    ]);
    expect((await stored(team.id)).find((n) => n.id === k8s.id)).toMatchObject({ organisationId: org, createdBy: lead });

    expect(await removeAnnotation(as, reorg.id)).toEqual({ teamId: team.id });
    expect((await listAnnotations(t.ctx(org), team.id)).map((n) => n.id)).toEqual([k8s.id, sameDay.id]);
    expect(await audited(org, "annotation.added")).toContain("Added a note to the trend of team “Payments” on 15 Nov 2025: “Moved to Kubernetes”");
    expect(await audited(org, "annotation.added")).toHaveLength(4);
    expect(await audited(org, "annotation.removed")).toEqual(["Removed the note “Reorg” (1 Mar 2026) from the trend of team “Payments”"]);
    await expectAppError(removeAnnotation(as, reorg.id), "not_found", "The note was not found.");
  });

  it("lets only the team's lead add or remove notes, and writes nothing otherwise", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const { id } = await addAnnotation(t.ctx(org), { teamId: team.id, on: "2026-02-02", text: "Kept" });
    const viewer = await t.member(org, "viewer");
    await addTeamMember(t.ctx(org), team.id, viewer);
    const outsider = await t.member(org, "member");

    for (const ctx of [t.as(org, viewer, "viewer"), t.as(org, outsider, "member")]) {
      await expectAppError(addAnnotation(ctx, { teamId: team.id, on: "2026-02-03", text: "Sneaky" }), "forbidden", /Only the team's members/);
      await expectAppError(removeAnnotation(ctx, id), "forbidden", /Only the team's members/);
    }
    // A viewer still reads them.
    expect((await listAnnotations(t.as(org, viewer, "viewer"), team.id)).map((n) => n.text)).toEqual(["Kept"]);
    expect((await stored(team.id)).map((n) => n.text)).toEqual(["Kept"]);
    expect(await audited(org, "annotation.added")).toHaveLength(1);
    expect(await audited(org, "annotation.removed")).toEqual([]);
  });

  it("keeps another organisation's teams and notes out of sight and out of reach", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const { id } = await addAnnotation(t.ctx(org), { teamId: team.id, on: "2026-02-02", text: "Ours" });
    const stranger = await t.organisation();

    await expectAppError(addAnnotation(t.ctx(stranger), { teamId: team.id, on: "2026-02-03", text: "Theirs" }), "not_found", "The team was not found.");
    await expectAppError(removeAnnotation(t.ctx(stranger), id), "not_found", "The note was not found.");
    expect(await listAnnotations(t.ctx(stranger), team.id)).toEqual([]);
    expect((await stored(team.id)).map((n) => n.text)).toEqual(["Ours"]);
    expect(await audited(stranger, "annotation.added")).toEqual([]);
    expect(await audited(org, "annotation.removed")).toEqual([]);
  });
});
