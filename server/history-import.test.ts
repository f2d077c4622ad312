import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { listAuditEvents } from "@/db/queries/audit";
import { syncModelVersions } from "@/db/queries/model-versions";
import { createTeam, listTeams } from "@/db/queries/teams";
import { members } from "@/db/schema";
import type { History } from "@/lib/contracts/history";
import type { Model } from "@/lib/model/schema";
import { dashboardView, parseDashboardQuery } from "@/views/dashboard";
import { historyView } from "@/views/history";
import { emptiedInto, historyFixture, historyTestModel } from "@/views/history-test-data";
import { teamView, type TeamView } from "@/views/team";
import { trendView } from "@/views/trend";
import { importHistory } from "./history-apply";
import { planHistoryImport } from "./history-import";

const [model] = withContentId("history-import-test", [historyTestModel("history-import-test")]) as [Model];

/** A document without what differs between two exports of the same history: when, and from which organisation. */
const content = ({ exportedAt: _, scope: __, organisation: ___, ...rest }: History) => rest;
const copy = (h: History): History => JSON.parse(JSON.stringify(h));
/** A team page without when each assessment was started (a generated timestamp a history does not carry). */
const withoutStarts = (team: TeamView["team"]) => ({ ...team, assessments: team.assessments.map(({ createdAt: _, ...a }) => a) });

describe.each(drivers)("history import on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  /** An organisation with history, exported by an admin and then gone; a second, empty one with the same lead in it and an admin. */
  async function exportedAndGone() {
    const f = await historyFixture(t, model);
    const admin = await t.member(f.org, "admin");
    const history = await historyView(t.as(f.org, admin, "admin"), { kind: "organisation" });
    const figures = {
      trend: (await trendView(t.ctx(f.org), f.payments)).trend,
      team: (await teamView(t.ctx(f.org), f.payments)).team,
      dashboard: { ...(await dashboardView(t.ctx(f.org), parseDashboardQuery({ model: model.id }), { heatmap: "all" })).dashboard, organisationId: "" },
    };
    return { f, history, figures, ...(await emptiedInto(t, f)) };
  }

  it("round trip: imports into an empty organisation; exported again, the document, the trend, the team page and the dashboard are the same", async () => {
    const { f, history, figures, org, ctx, importer } = await exportedAndGone();
    const plan = await planHistoryImport(ctx, history);
    expect(plan.conflicts).toEqual([]);
    expect(plan.summary).toBe("will create 1 group, 2 teams, 4 assessments, 2 actions, 1 trend note; 1 already present, unchanged");
    expect(plan.unmatchedPeople).toEqual([]);
    expect(plan.respondentAnswersLeftOut).toBe(0);

    const imported = await importHistory(ctx, history);
    expect(imported.scoreDifferences).toEqual([]);
    const again = await historyView(ctx, { kind: "organisation" });
    expect(content(again)).toEqual(content(history));
    expect((await trendView(t.ctx(org), f.payments)).trend).toEqual(figures.trend);
    expect(withoutStarts((await teamView(t.ctx(org), f.payments)).team)).toEqual(withoutStarts(figures.team));
    const dashboard = (await dashboardView(t.ctx(org), parseDashboardQuery({ model: model.id }), { heatmap: "all" })).dashboard;
    expect({ ...dashboard, organisationId: "" }).toEqual(figures.dashboard);
    expect(dashboard.quarters.some((q) => q.teams > 0)).toBe(true);

    const audit = await listAuditEvents(ctx);
    expect(audit.filter((e) => e.action === "assessment.submitted")).toHaveLength(4);
    expect(audit.every((e) => e.actorName === "Importer")).toBe(true);
    expect(audit[0]).toEqual(
      expect.objectContaining({ action: "history.imported", summary: expect.stringContaining("created 1 group, 2 teams, 4 assessments") }),
    );
    expect(importer).toBeTruthy();
  });

  it("importing the same document twice changes nothing", async () => {
    const { history, ctx } = await exportedAndGone();
    await importHistory(ctx, history);
    const before = { audit: await listAuditEvents(ctx), history: await historyView(ctx, { kind: "organisation" }) };
    const plan = await planHistoryImport(ctx, history);
    expect(plan.summary).toBe("will create nothing; 11 already present, unchanged");
    const again = await importHistory(ctx, history);
    expect(again.summary).toMatch(/^Nothing new/);
    expect(await listAuditEvents(ctx)).toEqual(before.audit);
    expect(content(await historyView(ctx, { kind: "organisation" }))).toEqual(content(before.history));
  });

  it("refuses a document with the same ids and other content, listing the conflicts, and changes nothing", async () => {
    const { history, ctx } = await exportedAndGone();
    await importHistory(ctx, history);
    const changed = copy(history);
    changed.teams[0]!.name = "Payments and Billing";
    changed.assessments[1]!.answers[0]!.answer = { kind: "level", level: 1 };
    const before = await historyView(ctx, { kind: "organisation" });
    const error = await expectAppError(importHistory(ctx, changed), "conflict", /2 conflicts\): nothing was imported/);
    expect(error.fieldErrors?.conflicts).toEqual([
      expect.stringMatching(/^The team “Payments and Billing” \(.+\) is already here with other content\.$/),
      expect.stringMatching(/^The assessment of “Payments and Billing” submitted .+ is already here with other content\.$/),
    ]);
    expect(content(await historyView(ctx, { kind: "organisation" }))).toEqual(content(before));
  });

  it("refuses ids of another organisation, a model version whose content differs from the one stored, and a team name taken here", async () => {
    const f = await historyFixture(t, model);
    const history = await historyView(t.ctx(f.org), { kind: "organisation" });
    const org = await t.organisation();
    const admin = await t.member(org, "admin");
    const ctx = t.as(org, admin, "admin");
    const clash = await expectAppError(importHistory(ctx, history), "conflict");
    expect(clash.fieldErrors?.conflicts).toEqual([
      expect.stringMatching(/^10 ids belong to another organisation in this Stave \(.+, …\): this history cannot be imported here\.$/),
    ]);

    const altered = copy(history);
    altered.teams = altered.teams.map((team) => ({ ...team, id: crypto.randomUUID() }));
    (altered.modelVersions[0]!.definition as { name: string }).name = "Another name";
    await createTeam(t.ctx(org), "payments");
    const refused = await expectAppError(importHistory(ctx, altered), "conflict");
    expect(refused.fieldErrors?.conflicts).toEqual([
      `The model Test model 1.0.0 (${model.id}) differs from the version stored here under the same id and version.`,
      "A team called “Payments” is already here under another id: rename one of them first.",
      expect.stringMatching(/^8 ids belong to another organisation/),
    ]);
    expect((await listTeams(t.ctx(org), { includeArchived: true })).map((team) => team.name)).toEqual(["payments"]);
  });

  it("keeps people who are not members here by name, leaves out their own answers, and is still idempotent", async () => {
    const { f, history, org, ctx } = await exportedAndGone();
    await t.handle.db.delete(members).where(and(eq(members.organisationId, org), eq(members.userId, f.respondent)));
    const plan = await planHistoryImport(ctx, history);
    expect(plan.unmatchedPeople).toEqual(["Respondent"]);
    expect(plan.respondentAnswersLeftOut).toBe(3);
    await importHistory(ctx, history);
    const own = (await historyView(ctx, { kind: "organisation" })).assessments.find((a) => a.id === f.assessments[2]);
    expect(own!.respondentAnswers).toEqual([]);
    expect(own!.answers).toEqual(history.assessments[2]!.answers);
    expect((await planHistoryImport(ctx, history)).summary).toMatch(/^will create nothing;/);
  });

  it("lets only owners and admins import", async () => {
    const { history, org, f } = await exportedAndGone();
    await expectAppError(importHistory(t.as(org, f.lead, "member"), history), "forbidden");
    const facilitator = await t.member(org, "facilitator");
    await expectAppError(planHistoryImport(t.as(org, facilitator, "facilitator"), history), "forbidden");
  });
});
