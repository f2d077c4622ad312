import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { listAuditEvents } from "@/db/queries/audit";
import { createGroup } from "@/db/queries/groups";
import { syncModelVersions } from "@/db/queries/model-versions";
import { workshops } from "@/db/schema";
import type { History } from "@/lib/contracts/history";
import { readHistory } from "@/lib/history-import";
import type { Model } from "@/lib/model/schema";
import { historyView } from "@/views/history";
import { emptiedInto, heldWorkshop, historyFixture, historyTestModel } from "@/views/history-test-data";
import { workshopReportView } from "@/views/workshop-report";
import { importHistory } from "./history-apply";
import { planHistoryImport } from "./history-import";

const [model] = withContentId("history-workshop-test", [historyTestModel("history-workshop-test")]) as [Model];

/** A document without what differs between two exports of the same history: when, and from which organisation. */
const content = ({ exportedAt: _, scope: __, organisation: ___, ...rest }: History) => rest;
const copy = (h: History): History => JSON.parse(JSON.stringify(h));

describe.each(drivers)("a history's workshops on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  /** An organisation with history and a workshop, exported by an admin with the workshop's report, then gone; an empty one with the same people. */
  async function movedWithWorkshop() {
    const f = await historyFixture(t, model);
    const held = await heldWorkshop(t, f, model);
    const admin = await t.member(f.org, "admin");
    const history = await historyView(t.as(f.org, admin, "admin"), { kind: "organisation" });
    const report = (await workshopReportView(t.ctx(f.org), held.workshopId)).report;
    const { org, ctx } = await emptiedInto(t, f);
    return { f, held, history, report, org, ctx };
  }

  it("exports an ended workshop with what its report shows, and nothing private", async () => {
    const f = await historyFixture(t, model);
    const held = await heldWorkshop(t, f, model);
    const history = await historyView(t.ctx(f.org), { kind: "organisation" });
    expect(history.workshops).toHaveLength(1);
    const [w] = history.workshops;
    expect(w).toMatchObject({ id: held.workshopId, assessmentId: held.assessmentId, anonymity: "named" });
    expect(w!.participants.map((p) => p.name).sort()).toEqual(["Ana", "Ben", "Cy"]);
    expect(w!.votes).toHaveLength(12);
    expect(w!.agreed).toEqual([
      { questionId: "build-q1", answer: { kind: "level", level: 3 }, note: "We build on every push" },
      { questionId: "build-q2", answer: { kind: "level", level: 2 }, note: null },
      { questionId: "run-q1", answer: { kind: "level", level: 1 }, note: "Nobody is paged" },
    ]);
    expect(w!.agreement).toMatchObject({ areaId: "run", level: 2, appliedAt: expect.any(String) });
    const [row] = await t.handle.db.select({ joinCode: workshops.joinCode }).from(workshops).where(eq(workshops.id, held.workshopId));
    expect(JSON.stringify(history)).not.toContain(row!.joinCode);
    expect(JSON.stringify(history)).not.toMatch(/token|Screen/i);
  });

  it("round trip: the imported workshop's report shows the same, the document exports again the same, audited as the importer", async () => {
    const { held, history, report, ctx } = await movedWithWorkshop();
    const plan = await planHistoryImport(ctx, history);
    expect(plan.conflicts).toEqual([]);
    expect(plan.summary).toBe("will create 1 group, 2 teams, 5 assessments, 4 actions, 1 trend note, 1 workshop; 1 already present, unchanged");
    const imported = await importHistory(ctx, history);
    expect(imported.scoreDifferences).toEqual([]);
    expect(content(await historyView(ctx, { kind: "organisation" }))).toEqual(content(history));
    const again = (await workshopReportView(ctx, held.workshopId)).report;
    expect(again).toEqual(report);
    expect(again.questions[0]!.rounds).toHaveLength(2);
    expect(again.agreement).toMatchObject({ areaId: "run", appliedAt: expect.any(String) });
    // The agreement came applied: the assessment's target and actions are the document's, not doubled.
    expect((await historyView(ctx, { kind: "team", id: report.teamId })).assessments.at(-1)!.actions).toHaveLength(2);
    const audit = await listAuditEvents(ctx);
    expect(audit.filter((e) => e.action === "workshop.imported")).toEqual([expect.objectContaining({ actorName: "Importer" })]);
  });

  it("imports the same document twice without a change, and counts the workshop as already present", async () => {
    const { history, ctx } = await movedWithWorkshop();
    await importHistory(ctx, history);
    const audit = await listAuditEvents(ctx);
    expect((await planHistoryImport(ctx, history)).summary).toBe("will create nothing; 15 already present, unchanged");
    expect((await importHistory(ctx, history)).summary).toMatch(/^Nothing new/);
    expect(await listAuditEvents(ctx)).toEqual(audit);
  });

  it("refuses a workshop already here with other content, listing it, and changes nothing", async () => {
    const { history, ctx, held } = await movedWithWorkshop();
    await importHistory(ctx, history);
    const changed = copy(history);
    changed.workshops[0]!.votes[0]!.vote = { kind: "not_applicable" };
    changed.workshops[0]!.agreed[2]!.note = "Someone is paged";
    const before = await historyView(ctx, { kind: "organisation" });
    const error = await expectAppError(importHistory(ctx, changed), "conflict", /1 conflict\): nothing was imported/);
    expect(error.fieldErrors?.conflicts).toEqual([
      `The workshop of “Payments” held ${history.workshops[0]!.openedAt.slice(0, 10)} (${held.workshopId}) is already here with other content.`,
    ]);
    expect(content(await historyView(ctx, { kind: "organisation" }))).toEqual(content(before));
  });

  it("imports a document written before workshops travelled, then the workshop from a newer one", async () => {
    const { history, ctx, held, report } = await movedWithWorkshop();
    const { workshops: _, ...older } = copy(history);
    const read = readHistory(JSON.stringify(older));
    expect(read).toEqual({ ok: true, history: { ...older, workshops: [] } });
    await importHistory(ctx, read.ok ? read.history : history);
    expect((await planHistoryImport(ctx, history)).summary).toBe("will create 1 workshop; 14 already present, unchanged");
    await importHistory(ctx, history);
    expect((await workshopReportView(ctx, held.workshopId)).report).toEqual(report);
  });

  it("shows a group whose name a group here already has in the same place in the preview, with the message the import refuses it with", async () => {
    const { history, org, ctx } = await movedWithWorkshop();
    await createGroup(t.ctx(org), { name: "platform", parentId: null });
    const plan = await planHistoryImport(ctx, history);
    expect(plan.conflicts).toEqual(["A group called “Platform” already exists in the same place."]);
    const refused = await expectAppError(importHistory(ctx, history), "conflict");
    expect(refused.fieldErrors?.conflicts).toEqual(plan.conflicts);
  });
});
