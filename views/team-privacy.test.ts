import { describe, expect, it } from "vitest";
import type { Ctx } from "@/db/context";
import { saveAnswer } from "@/db/queries/answers";
import { startAssessment, submitAssessment } from "@/db/queries/assessments";
import { createAction } from "@/db/queries/improvement-actions";
import { syncModelVersions } from "@/db/queries/model-versions";
import { setPrivacyPolicy } from "@/db/queries/privacy";
import { addTeamMember } from "@/db/queries/team-members";
import { createTeam } from "@/db/queries/teams";
import { openWorkshop } from "@/db/queries/workshops";
import { drivers, expectAppError, useTestDatabase, withContentId } from "@/db/test-db";
import { TEAM_ONLY_RESULTS } from "@/lib/dashboard/privacy";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { deskView } from "./desk";
import { assessmentResultsView, resultsView } from "./results";
import { teamView } from "./team";
import { teamsLandingView } from "./teams-landing";
import { trendView } from "./trend";
import { workshopReportView } from "./workshop-report";

// What every outlet of a team's results says to a reader the organisation keeps them from: the
// team's name and people, and the plain refusal (never "not found") for its results pages.

const [model] = withContentId("team-privacy-views", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 1 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
]) as [Model];

describe.each(drivers)("views of a team's results kept to the team, on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  async function organisation() {
    const org = await t.organisation();
    const owner = t.ctx(org);
    const team = await createTeam(owner, "Theirs");
    const ownId = await t.member(org, "member");
    await addTeamMember(owner, team.id, ownId);
    const own = t.as(org, ownId, "member");
    const facilitator = t.as(org, await t.member(org, "facilitator"), "facilitator");
    const assessmentId = await startAssessment(own, team.id, model.id);
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal: true });
    await saveAnswer(own, { assessmentId, questionId: "build-q1", answer: level(2), note: null });
    await saveAnswer(own, { assessmentId, questionId: "run-q1", answer: level(3), note: null });
    await submitAssessment(own, assessmentId);
    await createAction(own, {
      assessmentId,
      title: "Pair on deploys",
      description: null,
      owner: null,
      dueOn: null,
      status: "planned",
      aim: { kind: "area", id: "build" },
    });
    await setPrivacyPolicy(owner, { teamResults: "team", minTeams: 3 });
    const viewerId = await t.member(org, "viewer");
    return { org, teamId: team.id, assessmentId, workshopId: workshop.id, own, facilitator, viewer: t.as(org, viewerId, "viewer"), viewerId };
  }

  it("refuses a viewer the team's results, trend and workshop report plainly, and shows its name and people", async () => {
    const { teamId, assessmentId, workshopId, viewer } = await organisation();
    const refusals: (() => Promise<unknown>)[] = [
      () => trendView(viewer, teamId),
      () => resultsView(viewer, { teamId, assessmentId }),
      () => assessmentResultsView(viewer, assessmentId),
      () => workshopReportView(viewer, workshopId),
    ];
    for (const read of refusals) await expectAppError(read(), "results_private", TEAM_ONLY_RESULTS);
    const { team, screen } = await teamView(viewer, teamId);
    expect(team).toMatchObject({ name: "Theirs", latest: null, assessments: [], openActions: [], lastSubmittedAt: null });
    expect(screen).toMatchObject({ resultsPrivate: true, due: null, latest: null, openActions: [] });
    expect(screen.members).toHaveLength(1);
  });

  it("still refuses not found for what does not exist", async () => {
    const { teamId, viewer } = await organisation();
    await expectAppError(trendView(viewer, crypto.randomUUID()), "not_found");
    await expectAppError(resultsView(viewer, { teamId, assessmentId: crypto.randomUUID() }), "not_found");
  });

  it("gives the team's member and a facilitator every view", async () => {
    const { teamId, assessmentId, workshopId, own, facilitator } = await organisation();
    for (const ctx of [own, facilitator] as Ctx[]) {
      expect((await trendView(ctx, teamId)).trend.points).toHaveLength(1);
      expect((await resultsView(ctx, { teamId, assessmentId })).screen.actions).toHaveLength(1);
      expect((await assessmentResultsView(ctx, assessmentId)).results.score.waterLevel).toBe(2);
      expect((await workshopReportView(ctx, workshopId)).report.teamName).toBe("Theirs");
      expect((await teamView(ctx, teamId)).screen).toMatchObject({
        resultsPrivate: false,
        openActions: [expect.objectContaining({ title: "Pair on deploys" })],
      });
    }
  });

  it("says on the teams list and the desk that the team keeps its results, instead of calling it unassessed", async () => {
    const { org, viewer, viewerId } = await organisation();
    const landing = await teamsLandingView(viewer, {});
    expect(landing.cards).toEqual([expect.objectContaining({ name: "Theirs", next: { kind: "private" } })]);
    expect(landing.cards[0]!.result).toBeUndefined();
    const [desk] = (await deskView({ db: t.handle.db, userId: viewerId })).organisations.filter((o) => o.id === org);
    expect(desk).toMatchObject({ assessed: 0, privateTeams: 1, commonWeakest: null, due: [] });
    expect(desk!.headline).toMatch(/^1 team, 0 assessed, 1 keeps results to the team/);
    expect(desk!.teams[0]!.summary).toBe("Theirs: results kept to the team and its leads");
  });
});
