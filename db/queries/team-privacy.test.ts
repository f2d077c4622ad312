import { describe, expect, it } from "vitest";
import { privateTeamModel, privateTeamOrganisation } from "@/test/fixtures/private-team";
import type { Ctx } from "../context";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { listAnnotations } from "./annotations";
import { startAssessment } from "./assessments";
import { getAssessment, listAssessments, listSubmittedAssessments } from "./visible-assessments";
import { lastSubmitted } from "./carry";
import { listTeamActions } from "./improvement-actions";
import { syncModelVersions } from "./model-versions";
import { isPrivateAssessment, setPrivacyPolicy } from "./privacy";
import { getRespondentsView } from "./respondents";
import { latestTeamScores, listTeamScores } from "./scores";
import { listTeamTargets } from "./targets";
import { listTeamCards } from "./team-cards";
import { addTeamMember, removeTeamMember } from "./team-members";
import { createTeam, getTeamOverview, listTeams } from "./teams";
import { workshopReportInput } from "./workshop-report";
import { workshopAudience } from "./workshops";

// Under "the team and its leads only", every data function that reads a team's own results gives
// a viewer and a member of another team nothing of it, and the team's member and a facilitator all.

describe.each(drivers)("a team's own results kept to the team and its leads, on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [privateTeamModel]);
  });

  async function organisation() {
    const { org, teamId: theirs, assessmentId, workshopId, own, facilitator, viewer, outsider } = await privateTeamOrganisation(t);
    return { org, theirs, assessmentId, workshopId, hidden: { viewer, "another team's member": outsider }, shown: { "the team's member": own, facilitator } };
  }

  /** Everything of the team's own results a reader can get from the data functions. */
  async function readAll(ctx: Ctx, teamId: string, assessmentId: string) {
    const [overview, teams, cards] = await Promise.all([getTeamOverview(ctx, teamId), listTeams(ctx), listTeamCards(ctx, [teamId])]);
    return {
      scores: (await listTeamScores(ctx, teamId)).length,
      latest: (await latestTeamScores(ctx, teamId, 2)).length,
      assessments: (await listAssessments(ctx, teamId)).length,
      submitted: (await listSubmittedAssessments(ctx, teamId)).length,
      assessment: (await getAssessment(ctx, assessmentId)) !== undefined,
      targets: (await listTeamTargets(ctx, teamId)).length,
      actions: (await listTeamActions(ctx, teamId)).length,
      notes: (await listAnnotations(ctx, teamId)).length,
      lastSubmitted: (await lastSubmitted(ctx, teamId, privateTeamModel.id)) !== undefined,
      lastSubmittedAt: overview?.cadence.lastSubmittedAt instanceof Date,
      visible: overview?.resultsVisible === true && teams.find((team) => team.id === teamId)?.resultsVisible === true,
      card: cards.some((c) => c.latest !== undefined),
    };
  }
  const nothing = {
    scores: 0,
    latest: 0,
    assessments: 0,
    submitted: 0,
    assessment: false,
    targets: 0,
    actions: 0,
    notes: 0,
    lastSubmitted: false,
    lastSubmittedAt: false,
    visible: false,
    card: false,
  };
  const everything = {
    scores: 1,
    latest: 1,
    assessments: 1,
    submitted: 1,
    assessment: true,
    targets: 1,
    actions: 1,
    notes: 1,
    lastSubmitted: true,
    lastSubmittedAt: true,
    visible: true,
    card: true,
  };

  it("gives a viewer and another team's member nothing of the team's results, its workshop or its respondents", async () => {
    const { theirs, assessmentId, workshopId, hidden } = await organisation();
    for (const [who, ctx] of Object.entries(hidden)) {
      expect(await readAll(ctx, theirs, assessmentId), who).toEqual(nothing);
      expect(await isPrivateAssessment(ctx, assessmentId), who).toBe(true);
      await expectAppError(
        workshopReportInput(ctx, workshopId),
        "results_private",
        "Only the team and its leads see this team's results (organisation setting).",
      );
      await expectAppError(workshopAudience(ctx, workshopId), "results_private");
    }
    // A member who led the assessment and has since moved to another team no longer reads everyone's answers.
    const { org } = await organisation();
    const lead = await t.member(org, "member");
    const ctx = t.as(org, lead, "member");
    const team = await createTeam(t.ctx(org), "Moving");
    await addTeamMember(t.ctx(org), team.id, lead);
    const draft = await startAssessment(ctx, team.id, privateTeamModel.id, { respondents: "named" });
    expect((await getRespondentsView(ctx, draft)).mode).toBe("named");
    await removeTeamMember(t.ctx(org), team.id, lead);
    await expectAppError(getRespondentsView(ctx, draft), "results_private");
  });

  it("gives the team's own member and a facilitator all of it", async () => {
    const { theirs, assessmentId, workshopId, shown } = await organisation();
    for (const [who, ctx] of Object.entries(shown)) {
      expect(await readAll(ctx, theirs, assessmentId), who).toEqual(everything);
      expect(await isPrivateAssessment(ctx, assessmentId), who).toBe(false);
      expect((await workshopReportInput(ctx, workshopId)).teamName, who).toBe("Theirs");
      expect(await workshopAudience(ctx, workshopId), who).toMatch(/facilitator|presenter/);
    }
  });

  it("gives everything back to everyone in the organisation when owners open results again (workshops stay with the team)", async () => {
    const { org, theirs, assessmentId, workshopId, hidden } = await organisation();
    await setPrivacyPolicy(t.ctx(org), { teamResults: "organisation", minTeams: 3 });
    for (const [who, ctx] of Object.entries(hidden)) {
      expect(await readAll(ctx, theirs, assessmentId), who).toEqual(everything);
      // A workshop shows the team's draft answers: never outside the team, whatever the setting.
      await expectAppError(workshopReportInput(ctx, workshopId), "forbidden");
    }
  });
});
