import { describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/db/queries/api-tokens";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { saveEvidence } from "@/db/queries/evidence";
import { syncModelVersions } from "@/db/queries/model-versions";
import { setPrivacyPolicy } from "@/db/queries/privacy";
import { createTeam } from "@/db/queries/teams";
import { measuredLevels } from "@/db/schema";
import { drivers, useTestDatabase, withContentId } from "@/db/test-db";
import type { DbHandle } from "@/db/client";
import { resultsSchema } from "@/lib/contracts/results";
import { quarterOf } from "@/lib/dashboard/quarter";
import { dayOf } from "@/lib/evidence/expiry";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { GET as getAssessment } from "@/app/api/v1/assessments/[assessmentId]/route";
import { GET as getDashboard } from "@/app/api/v1/dashboard/route";

// A submitted assessment through the API's real route handler: each answer's evidence with its state
// today, and what delivery data measured at submission.
const asked = vi.hoisted(() => ({ headers: new Headers(), handle: undefined as DbHandle | undefined }));
vi.mock("next/headers", () => ({ headers: async () => asked.headers }));
vi.mock("./start-up", () => ({ startUp: async () => asked.handle }));
vi.mock("./auth", () => ({ sessionKeys: async () => ({ secret: "s".repeat(32) }) }));

const [model] = withContentId("api-evidence-test", [testModel({ areas: [{ id: "build", questions: 3 }] })]) as [Model];
const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * 86_400_000));

async function call(token: string, assessmentId: string) {
  asked.headers = new Headers({ authorization: `Bearer ${token}` });
  const request = new Request(`http://localhost/api/v1/assessments/${assessmentId}`, { headers: asked.headers });
  const response = await getAssessment(request, { params: Promise.resolve({ assessmentId }) });
  return { response, body: await response.json() };
}

async function dashboard(token: string) {
  asked.headers = new Headers({ authorization: `Bearer ${token}` });
  const response = await getDashboard(new Request(`http://localhost/api/v1/dashboard?model=${model.id}`, { headers: asked.headers }), {
    params: Promise.resolve({}),
  });
  return (await response.json()).staleEvidence;
}

describe.each(drivers)("an assessment's evidence and measured levels through the API on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  it("gives each answer its evidence with its state now and what was measured, null where there is none, and keeps the results private where the team's are", async () => {
    asked.handle = t.handle;
    const org = await t.organisation("API");
    const ctx = t.ctx(org);
    const team = await createTeam(ctx, "Payments");
    const id = await startAssessment(ctx, team.id, model.id);
    for (const q of ["build-q1", "build-q2", "build-q3"]) await saveAnswer(ctx, { assessmentId: id, questionId: q, answer: level(3), note: null });
    await saveEvidence(ctx, { assessmentId: id, questionId: "build-q1", items: ["https://ci.example/runs"], effectiveOn: "2024-01-10", validFor: "P12M" });
    await saveEvidence(ctx, { assessmentId: id, questionId: "build-q2", items: ["Pentest report"], effectiveOn: daysAgo(350), validFor: "P12M" });
    await submitAssessment(ctx, id);
    const quarter = quarterOf(new Date()) - 1;
    await t.handle.db.insert(measuredLevels).values({
      assessmentId: id,
      organisationId: org,
      questionId: "build-q3",
      metric: "deployment-frequency",
      quarter,
      metricValue: 0.5,
      level: 2,
      capped: true,
    });
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    const { token } = await createApiToken(admin, { name: "BI", scopes: ["read"], expiresIn: "30" });

    const { response, body } = await call(token, id);
    expect(response.status).toBe(200);
    expect(resultsSchema.parse(body)).toEqual(body);
    const byQuestion = Object.fromEntries(body.answers.map((a: { questionId: string }) => [a.questionId, a]));
    expect(byQuestion["build-q1"]).toEqual({
      questionId: "build-q1",
      value: { kind: "level", level: 3 },
      evidence: { items: ["https://ci.example/runs"], effectiveOn: "2024-01-10", validFor: "P12M", expiresOn: "2025-01-10", state: "stale" },
      measured: null,
      lapsed: null,
    });
    expect(byQuestion["build-q2"].evidence).toMatchObject({ items: ["Pentest report"], state: "expiring" });
    expect(byQuestion["build-q3"]).toMatchObject({
      evidence: null,
      measured: { metric: "deployment-frequency", quarter: `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`, metricValue: 0.5, level: 2, capped: true },
    });

    // The dashboard's share of stale evidence: withheld while the organisation has too few teams for a token (outside every group) …
    expect(await dashboard(token)).toBeNull();
    for (const name of ["Checkout", "Search"]) {
      const other = await createTeam(ctx, name);
      const otherId = await startAssessment(ctx, other.id, model.id);
      for (const q of ["build-q1", "build-q2", "build-q3"]) await saveAnswer(ctx, { assessmentId: otherId, questionId: q, answer: level(2), note: null });
      await submitAssessment(ctx, otherId);
    }
    // … and shown from three teams up: one of nine answers rests on stale evidence (expiring is not stale).
    expect(await dashboard(token)).toEqual({ day: dayOf(new Date()), teams: 3, areas: [{ areaId: "build", answers: 9, stale: 1 }] });

    // Where owners keep each team's results to the team, its evidence stays with them too.
    await setPrivacyPolicy(ctx, { teamResults: "team", minTeams: 3 });
    const refused = await call(token, id);
    expect(refused.response.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toMatch(/ci\.example|Pentest/);
  });
});
