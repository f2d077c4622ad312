import { describe, expect, it, vi } from "vitest";
import { addAnnotation } from "@/db/queries/annotations";
import { createApiToken } from "@/db/queries/api-tokens";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { listAuditEvents } from "@/db/queries/audit";
import { createGroup, setTeamGroup } from "@/db/queries/groups";
import { setPrivacyPolicy } from "@/db/queries/privacy";
import { syncModelVersions } from "@/db/queries/model-versions";
import { createTeam } from "@/db/queries/teams";
import { drivers, useTestDatabase, withContentId } from "@/db/test-db";
import type { DbHandle } from "@/db/client";
import { TEAM_ONLY_RESULTS } from "@/lib/dashboard/privacy";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { dashboardView, parseDashboardQuery } from "@/views/dashboard";
import { GET as getAssessment } from "@/app/api/v1/assessments/[assessmentId]/route";
import { GET as getDashboard } from "@/app/api/v1/dashboard/route";
import { GET as listTeams } from "@/app/api/v1/teams/route";
import { GET as getTrend } from "@/app/api/v1/teams/[teamId]/trend/route";

// The API's reads through their real route handlers and a real database: only the request's
// headers, the database the process opened and the server's secret are supplied here.
const asked = vi.hoisted(() => ({ headers: new Headers(), handle: undefined as DbHandle | undefined }));
vi.mock("next/headers", () => ({ headers: async () => asked.headers }));
vi.mock("./start-up", () => ({ startUp: async () => asked.handle }));
vi.mock("./auth", () => ({ sessionKeys: async () => ({ secret: "s".repeat(32) }) }));

const [model] = withContentId("api-test", [
  testModel({
    areas: [
      { id: "build", questions: 1 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model];

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;
async function call<P>(handler: Handler<P>, token: string, url: string, params: P, extra: Record<string, string> = {}) {
  asked.headers = new Headers({ authorization: `Bearer ${token}`, ...extra });
  const response = await handler(new Request(`http://localhost/api/v1${url}`, { headers: asked.headers }), { params: Promise.resolve(params) });
  return { response, body: response.status === 304 ? undefined : await response.json() };
}

describe.each(drivers)("the API on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  async function organisation(teams: number) {
    asked.handle = t.handle;
    const org = await t.organisation("API");
    const ctx = t.ctx(org);
    const labs = await createGroup(ctx, { name: "Labs", parentId: null });
    const ids: string[] = [];
    for (let i = 0; i < teams; i++) {
      const team = await createTeam(ctx, `Team ${String(i).padStart(2, "0")}`);
      if (i === 0) await setTeamGroup(ctx, team.id, labs.id);
      ids.push(team.id);
    }
    const assessmentId = await startAssessment(ctx, ids[0]!, model.id);
    await saveAnswer(ctx, { assessmentId, questionId: "build-q1", answer: level(2), note: "Only Ana can deploy." });
    await saveAnswer(ctx, { assessmentId, questionId: "run-q1", answer: level(4), note: null });
    await submitAssessment(ctx, assessmentId);
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    const token = async (scopes: ("read" | "read:notes")[] = ["read"]) => (await createApiToken(admin, { name: "BI", scopes, expiresIn: "30" })).token;
    return { org, labs, teams: ids, assessmentId, token };
  }

  it("serves a team's trend as its contract, and nothing of another organisation's (404)", async () => {
    const { teams, assessmentId, token } = await organisation(1);
    const { response, body } = await call(getTrend, await token(), `/teams/${teams[0]}/trend`, { teamId: teams[0]! });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body.points).toEqual([expect.objectContaining({ assessmentId, waterLevel: 2, weakest: ["build"] })]);
    expect(body.decimals).toBe(1);
    expect(body.points[0].areas).toEqual([
      { areaId: "build", score: 2 },
      { areaId: "run", score: 4 },
    ]);

    const stranger = await organisation(1);
    const refused = await call(getTrend, await stranger.token(), `/teams/${teams[0]}/trend`, { teamId: teams[0]! });
    expect(refused.response.status).toBe(404);
    expect(refused.response.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(refused.body)).not.toContain("Team 00");
  });

  it("gives notes only to a token whose scopes allow them (403 otherwise), and changes nothing but last used", async () => {
    const { org, assessmentId, token } = await organisation(1);
    const reader = await token();
    const audit = (await listAuditEvents(t.ctx(org))).length;

    const plain = await call(getAssessment, reader, `/assessments/${assessmentId}`, { assessmentId });
    expect(plain.response.status).toBe(200);
    expect(plain.body.answers.every((a: object) => !("note" in a))).toBe(true);
    expect(plain.body.score.waterLevel).toBe(2);

    const refused = await call(getAssessment, reader, `/assessments/${assessmentId}?include=notes`, { assessmentId });
    expect(refused.response.status).toBe(403);
    expect(refused.body.detail).toMatch(/read:notes/);

    const withNotes = await call(getAssessment, await token(["read", "read:notes"]), `/assessments/${assessmentId}?include=notes`, { assessmentId });
    expect(withNotes.body.answers.find((a: { questionId: string }) => a.questionId === "build-q1").note).toBe("Only Ana can deploy.");
    expect((await listAuditEvents(t.ctx(org))).length).toBe(audit + 1); // the second token's creation, nothing more
  });

  it("pages teams in a stable order with a signed cursor, refusing a tampered one and an oversized page (400)", async () => {
    const { teams, token } = await organisation(5);
    const secret = await token();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { response, body }: { response: Response; body: { items: { id: string }[]; nextCursor: string | null } } = await call(
        listTeams,
        secret,
        `/teams?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        {},
      );
      expect(response.status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...teams].sort());

    const first = await call(listTeams, secret, "/teams?limit=2", {});
    const tampered = `${first.body.nextCursor.slice(0, -2)}xx`;
    const bad = await call(listTeams, secret, `/teams?cursor=${tampered}`, {});
    expect(bad.response.status).toBe(400);
    expect(bad.body.detail).toMatch(/cursor/);
    const big = await call(listTeams, secret, "/teams?limit=5000", {});
    expect(big.response.status).toBe(400);
    expect(big.body.detail).toMatch(/at most/);
  });

  it("answers 304 to an If-None-Match naming what it would send, and 200 once the data changed", async () => {
    const { org, token } = await organisation(2);
    const secret = await token();
    const first = await call(listTeams, secret, "/teams", {});
    const tag = first.response.headers.get("etag")!;
    expect(tag).toMatch(/^".+"$/);
    const again = await call(listTeams, secret, "/teams", {}, { "if-none-match": tag });
    expect(again.response.status).toBe(304);
    expect(again.response.headers.get("etag")).toBe(tag);
    await createTeam(t.ctx(org), "Newcomers");
    const changed = await call(listTeams, secret, "/teams", {}, { "if-none-match": tag });
    expect(changed.response.status).toBe(200);
    expect(changed.body.items).toHaveLength(3);

    // A trend note is part of the trend: adding one makes the trend's old tag stale.
    const teamId = changed.body.items[0].id;
    const trend = await call(getTrend, secret, `/teams/${teamId}/trend`, { teamId });
    const trendTag = trend.response.headers.get("etag")!;
    expect((await call(getTrend, secret, `/teams/${teamId}/trend`, { teamId }, { "if-none-match": trendTag })).response.status).toBe(304);
    await addAnnotation(t.ctx(org), { teamId, on: "2026-03-02", text: "Moved to Kubernetes" });
    const noted = await call(getTrend, secret, `/teams/${teamId}/trend`, { teamId }, { "if-none-match": trendTag });
    expect(noted.response.status).toBe(200);
    expect(noted.body.annotations).toEqual([expect.objectContaining({ on: "2026-03-02", text: "Moved to Kubernetes" })]);

    // A tag is the server's own: one made up elsewhere never turns another organisation's 404 into a 304.
    const stranger = await organisation(1);
    const other = await call(getTrend, await stranger.token(), `/teams/${teamId}/trend`, { teamId }, { "if-none-match": trendTag });
    expect(other.response.status).toBe(404);
  });

  it("withholds a small group's aggregates exactly as the dashboard page does for a viewer outside it", async () => {
    const { org, labs, token } = await organisation(1);
    const api = await call(getDashboard, await token(), `/dashboard?model=${model.id}&group=${labs.id}`, {});
    expect(api.response.status).toBe(200);
    expect(api.body).toMatchObject({ withheld: true, assessedTeams: 1, delivery: null, staleEvidence: null });
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");
    const page = await dashboardView(viewer, parseDashboardQuery({ model: model.id, group: labs.id }), { heatmap: "none" });
    expect(api.body).toEqual(page.dashboard);
    const bad = await call(getDashboard, await token(), "/dashboard?quarters=7", {});
    expect(bad.response.status).toBe(400);
  });
  it("refuses a team's trend and assessments (403, results-private) where owners keep each team's results to the team, and keeps the aggregates", async () => {
    const { org, teams, assessmentId, token } = await organisation(1);
    const secret = await token();
    expect((await call(getTrend, secret, `/teams/${teams[0]}/trend`, { teamId: teams[0]! })).response.status).toBe(200);
    await setPrivacyPolicy(t.ctx(org), { teamResults: "team", minTeams: 3 });

    for (const refused of [
      await call(getTrend, secret, `/teams/${teams[0]}/trend`, { teamId: teams[0]! }),
      await call(getAssessment, secret, `/assessments/${assessmentId}`, { assessmentId }),
    ]) {
      expect(refused.response.status).toBe(403);
      expect(refused.response.headers.get("content-type")).toBe("application/problem+json");
      expect(refused.body).toMatchObject({ type: "urn:stave:problem:results-private", status: 403, detail: TEAM_ONLY_RESULTS });
      expect(JSON.stringify(refused.body)).not.toMatch(/waterLevel|Only Ana/);
    }
    // What the team is, and the aggregates the dashboard rules allow, stay readable.
    expect((await call(listTeams, secret, "/teams", {})).body.items.map((i: { name: string }) => i.name)).toEqual(["Team 00"]);
    const dashboard = await call(getDashboard, secret, `/dashboard?model=${model.id}`, {});
    expect(dashboard.response.status).toBe(200);
    expect(JSON.stringify(dashboard.body)).not.toContain("Team 00");
    // A missing assessment is still not found.
    const missing = crypto.randomUUID();
    expect((await call(getAssessment, secret, `/assessments/${missing}`, { assessmentId: missing })).response.status).toBe(404);
  });
});
