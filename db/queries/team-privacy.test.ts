import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import type { Ctx } from "../context";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { addAnnotation, listAnnotations } from "./annotations";
import { saveAnswer } from "./answers";
import { getAssessment, listAssessments, listSubmittedAssessments, startAssessment, submitAssessment } from "./assessments";
import { lastSubmitted } from "./carry";
import { createAction, listTeamActions } from "./improvement-actions";
import { syncModelVersions } from "./model-versions";
import { isPrivateAssessment, setPrivacyPolicy } from "./privacy";
import { getRespondentsView } from "./respondents";
import { latestTeamScores, listTeamScores } from "./scores";
import { listTeamTargets, setTarget } from "./targets";
import { listTeamCards } from "./team-cards";
import { addTeamMember, removeTeamMember } from "./team-members";
import { createTeam, getTeamOverview, listTeams } from "./teams";
import { workshopReportInput } from "./workshop-report";
import { openWorkshop, workshopAudience } from "./workshops";

// Under "the team and its leads only", every data function that reads a team's own results gives
// a viewer and a member of another team nothing of it, and the team's member and a facilitator all.

const [model] = withContentId("team-privacy-test", [
  testModel({
    areas: [
      { id: "build", name: "Build", questions: 1 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
]) as [Model];

describe.each(drivers)("a team's own results kept to the team and its leads, on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /** Theirs: assessed (by the members' lead, in a workshop) with a target, an action and a trend note; Mine: another team. */
  async function organisation() {
    const org = await t.organisation();
    const owner = t.ctx(org);
    const [mine, theirs] = [await createTeam(owner, "Mine"), await createTeam(owner, "Theirs")];
    const own = await t.member(org, "member", "Olga Own");
    const outsider = await t.member(org, "member", "Otto Outsider");
    await addTeamMember(owner, theirs.id, own);
    await addTeamMember(owner, mine.id, outsider);
    const facilitator = t.as(org, await t.member(org, "facilitator"), "facilitator");
    const lead = t.as(org, own, "member");
    const assessmentId = await startAssessment(lead, theirs.id, model.id);
    const workshop = await openWorkshop(facilitator, { assessmentId, anonymity: "named", autoReveal: true });
    await saveAnswer(lead, { assessmentId, questionId: "build-q1", answer: level(2), note: "Only Ana deploys." });
    await saveAnswer(lead, { assessmentId, questionId: "run-q1", answer: level(4), note: null });
    await submitAssessment(lead, assessmentId);
    await setTarget(lead, { assessmentId, level: 3, dueOn: `${new Date().getUTCFullYear() + 1}-06-30` });
    await createAction(lead, {
      assessmentId,
      title: "Deploy on Fridays too",
      description: null,
      owner: null,
      dueOn: null,
      status: "planned",
      aim: { kind: "area", id: "build" },
    });
    await addAnnotation(lead, { teamId: theirs.id, on: "2026-01-01", text: "New lead" });
    await setPrivacyPolicy(owner, { teamResults: "team", minTeams: 3 });
    return {
      org,
      theirs: theirs.id,
      assessmentId,
      workshopId: workshop.id,
      hidden: { viewer: t.as(org, await t.member(org, "viewer"), "viewer"), "another team's member": t.as(org, outsider, "member") },
      shown: { "the team's member": lead, facilitator },
    };
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
      lastSubmitted: (await lastSubmitted(ctx, teamId, model.id)) !== undefined,
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
    const draft = await startAssessment(ctx, team.id, model.id, { respondents: "named" });
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
