import { describe, expect, it } from "vitest";
import type { Ctx } from "@/db/context";
import { syncModelVersions } from "@/db/queries/model-versions";
import { drivers, expectAppError, useTestDatabase } from "@/db/test-db";
import { TEAM_ONLY_RESULTS } from "@/lib/dashboard/privacy";
import { privateTeamModel, privateTeamOrganisation } from "@/test/fixtures/private-team";
import { deskView } from "./desk";
import { assessmentResultsView, resultsView } from "./results";
import { teamView } from "./team";
import { teamDeliveryView } from "./team-delivery";
import { teamsLandingView } from "./teams-landing";
import { trendView } from "./trend";
import { workshopReportView } from "./workshop-report";

// What every outlet of a team's results says to a reader the organisation keeps them from: the
// team's name and people, and the plain refusal (never "not found") for its results pages.

describe.each(drivers)("views of a team's results kept to the team, on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [privateTeamModel]);
  });

  const organisation = () => privateTeamOrganisation(t);

  it("refuses a viewer the team's results, trend and workshop report plainly, and shows its name and people", async () => {
    const { teamId, assessmentId, workshopId, viewer } = await organisation();
    const refusals: (() => Promise<unknown>)[] = [
      () => trendView(viewer, teamId),
      () => teamDeliveryView(viewer, teamId),
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
      expect((await teamDeliveryView(ctx, teamId)).quarters).toEqual([]);
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
    // "Mine" is not assessed yet, but a reader kept from results can't know that either.
    expect(landing.cards).toEqual(["Mine", "Theirs"].map((name) => expect.objectContaining({ name, next: { kind: "private" } })));
    expect(landing.cards.map((card) => card.result)).toEqual([undefined, undefined]);
    const [desk] = (await deskView({ db: t.handle.db, userId: viewerId })).organisations.filter((o) => o.id === org);
    expect(desk).toMatchObject({ assessed: 0, privateTeams: 2, commonWeakest: null, due: [] });
    expect(desk!.headline).toMatch(/^2 teams, 0 assessed, 2 keep results to the team/);
    expect(desk!.teams.map((team) => team.summary)).toEqual(["Mine: results kept to the team and its leads", "Theirs: results kept to the team and its leads"]);
  });
});
