import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { addAnnotation } from "@/db/queries/annotations";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { saveEvidence } from "@/db/queries/evidence";
import { createAction } from "@/db/queries/improvement-actions";
import { syncModelVersions } from "@/db/queries/model-versions";
import { setTarget } from "@/db/queries/targets";
import { createTeam } from "@/db/queries/teams";
import { measuredLevels } from "@/db/schema";
import { resultsCsv } from "@/lib/exports/team-csv";
import type { AnswerValue } from "@/lib/answer";
import { resultsSchema } from "@/lib/contracts/results";
import { teamViewSchema } from "@/lib/contracts/team";
import { trendSchema } from "@/lib/contracts/trend";
import { isoDate } from "@/lib/format";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { questionnaireView } from "./questionnaire";
import { resultsView } from "./results";
import { teamView } from "./team";
import { trendView } from "./trend";

const [model] = withContentId("views-test", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 2 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
]) as [Model];

/** Whether a value survives JSON as it is: no Date, Map, Set or undefined hiding in it. */
const jsonSafe = (value: unknown) => expect(JSON.parse(JSON.stringify(value))).toEqual(value);

describe.each(drivers)("views on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function assessment(org: string, teamId: string, answers: Record<string, AnswerValue>, note: string | null = null) {
    const id = await startAssessment(t.ctx(org), teamId, model.id);
    for (const [questionId, answer] of Object.entries(answers)) await saveAnswer(t.ctx(org), { assessmentId: id, questionId, answer, note });
    await submitAssessment(t.ctx(org), id);
    return id;
  }

  async function history() {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const first = await assessment(org, team.id, { "build-q1": level(3), "build-q2": level(4), "run-q1": level(1) }, "on call is ad hoc");
    await setTarget(t.ctx(org), { assessmentId: first, level: 3, dueOn: isoDate(new Date(Date.now() + 90 * 86_400_000)) });
    const second = await assessment(org, team.id, { "build-q1": level(2), "build-q2": level(2), "run-q1": level(3) });
    await createAction(t.ctx(org), {
      assessmentId: second,
      title: "Trunk-based",
      description: null,
      owner: null,
      dueOn: null,
      status: "planned",
      aim: { kind: "area", id: "build" },
    });
    await addAnnotation(t.ctx(org), { teamId: team.id, on: "2026-01-15", text: "Moved to Kubernetes" });
    return { org, teamId: team.id, first, second };
  }

  it("a team's view matches its contract, with ISO dates, its assessments, latest result and open actions", async () => {
    const { org, teamId, second } = await history();
    const view = await teamView(t.ctx(org), teamId);
    expect(teamViewSchema.parse(view.team)).toEqual(view.team);
    jsonSafe(view);
    expect(view.team.assessments).toHaveLength(2);
    expect(view.team.latest).toMatchObject({
      assessmentId: second,
      model: { modelId: model.id, modelVersion: model.version },
      score: { waterLevel: 2, weakest: ["build"] },
    });
    expect(view.team.openActions.map((a) => a.title)).toEqual(["Trunk-based"]);
    expect(view.screen.latest?.moved?.summary).toBeTruthy();
  });

  it("results match their contract; the answers' notes only when asked for", async () => {
    const { org, teamId, first } = await history();
    const without = await resultsView(t.ctx(org), { teamId, assessmentId: first });
    expect(resultsSchema.parse(without.results)).toEqual(without.results);
    jsonSafe(without);
    expect(without.results).toMatchObject({ assessmentId: first, teamName: "Payments", score: { waterLevel: 1, weakest: ["run"] }, spread: null });
    expect(without.results.answers.every((a) => !("note" in a))).toBe(true);
    const withNotes = await resultsView(t.ctx(org), { teamId, assessmentId: first }, { notes: true });
    expect(withNotes.results.answers.map((a) => a.note)).toEqual(["on call is ad hoc", "on call is ad hoc", "on call is ad hoc"]);
    expect(withNotes.screen.plan.target).toMatchObject({ areaId: "run", level: 3 });
  });

  it("the results' CSV ends with each answer's evidence, its state today, and what was measured at submission", async () => {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const id = await startAssessment(t.ctx(org), team.id, model.id);
    for (const q of ["build-q1", "build-q2", "run-q1"]) await saveAnswer(t.ctx(org), { assessmentId: id, questionId: q, answer: level(3), note: null });
    await saveEvidence(t.ctx(org), { assessmentId: id, questionId: "build-q2", items: ["=SUM(A1)", "Runbook"], effectiveOn: "2024-03-01", validFor: "P6M" });
    await submitAssessment(t.ctx(org), id);
    await t.handle.db.insert(measuredLevels).values({
      assessmentId: id,
      organisationId: org,
      questionId: "run-q1",
      metric: "failed-deployment-recovery-time",
      quarter: 2026 * 4 + 2,
      metricValue: 30,
      level: 2,
      capped: false,
    });
    const { results, screen } = await resultsView(t.ctx(org), { teamId: team.id, assessmentId: id }, { notes: true });
    expect(resultsSchema.parse(results)).toEqual(results);
    const [header, ...rows] = parse(resultsCsv(results, screen.model).slice(1)) as string[][];
    expect(header!.slice(0, 9)).toEqual(["Assessed on", "Area", "Area score", "Question id", "Question", "Answer", "Level", "Reason not applicable", "Note"]);
    const last = (questionId: string) => rows.find((r) => r[3] === questionId)!.slice(9);
    expect(last("build-q1")).toEqual(["", "", "", "", "", "", "", ""]);
    expect(last("build-q2")).toEqual(["stale", "2024-09-01", "'=SUM(A1); Runbook", "", "", "", "", ""]);
    expect(last("run-q1")).toEqual(["", "", "", "2", "failed-deployment-recovery-time", "2026-Q3", "30", "no"]);
  });

  it("the trend matches its contract: every area per assessment, water level, weakest staves, targets and notes", async () => {
    const { org, teamId, first, second } = await history();
    const { trend, screen } = await trendView(t.ctx(org), teamId);
    expect(trendSchema.parse(trend)).toEqual(trend);
    jsonSafe(trend);
    expect(trend.points.map((p) => [p.assessmentId, p.waterLevel, p.weakest, p.areas])).toEqual([
      [
        first,
        1,
        ["run"],
        [
          { areaId: "build", score: 3.5 },
          { areaId: "run", score: 1 },
        ],
      ],
      [
        second,
        2,
        ["build"],
        [
          { areaId: "build", score: 2 },
          { areaId: "run", score: 3 },
        ],
      ],
    ]);
    expect(trend.targets).toEqual([
      expect.objectContaining({ assessmentId: first, areaId: "run", outcome: expect.objectContaining({ state: "reached", assessmentId: second }) }),
    ]);
    expect(trend.annotations.map((a) => a.text)).toEqual(["Moved to Kubernetes"]);
    expect(screen.mostOftenWeakest).toBe("Build (1×), Run (1×)");
  });

  it("refuses another organisation's team and assessment as not found, and a draft's results as incomplete", async () => {
    const { teamId, first } = await history();
    const other = await t.organisation();
    await expectAppError(teamView(t.ctx(other), teamId), "not_found");
    await expectAppError(trendView(t.ctx(other), teamId), "not_found");
    await expectAppError(resultsView(t.ctx(other), { teamId, assessmentId: first }), "not_found");
    await expectAppError(teamView(t.ctx(other), "not-a-uuid"), "not_found");
    const mine = await createTeam(t.ctx(other), "Search");
    const draft = await startAssessment(t.ctx(other), mine.id, model.id);
    await expectAppError(resultsView(t.ctx(other), { teamId: mine.id, assessmentId: draft }), "incomplete");
    const questionnaire = await questionnaireView(t.ctx(other), { teamId: mine.id, assessmentId: draft });
    jsonSafe(questionnaire);
    expect(Object.keys(questionnaire.texts)).toEqual(["build"]);
  });
});
