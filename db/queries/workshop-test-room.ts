import type { Actor } from "@/lib/actor";
import type { Model } from "@/lib/model/schema";
import { testModel } from "@/lib/test-models";
import { workshopView } from "@/lib/workshop/view";
import { withContentId, type TestDatabase } from "../test-db";
import { startAssessment } from "./assessments";
import { createTeam } from "./teams";
import { joinWorkshop } from "./workshop-votes";
import { loadWorkshopRows } from "./workshop-view";
import { openWorkshop } from "./workshops";

// A workshop running on a new draft, for the workshop data tests: its facilitator, a way to join
// it as a participant and each screen's view of it.

export const [workshopTestModel] = withContentId("workshop-test", [
  testModel({
    areas: [
      { id: "a", questions: 2 },
      { id: "b", questions: 1 },
    ],
  }),
]) as [Model];

export async function runningWorkshop(t: TestDatabase, anonymity: "named" | "facilitator" | "anonymous" = "named", autoReveal = true) {
  const org = await t.organisation();
  const team = await createTeam(t.ctx(org), "Payments");
  const assessmentId = await startAssessment(t.ctx(org), team.id, workshopTestModel.id);
  const facilitator = t.as(org, await t.member(org, "facilitator", "Fran Facilitator"), "facilitator");
  const workshop = await openWorkshop(facilitator, { assessmentId, anonymity, autoReveal });
  const join = async (name: string | null) => {
    const p = await joinWorkshop(t.handle.db, { joinCode: workshop.joinCode, name });
    const actor: Actor = { kind: "participant", participantId: p.participantId, name };
    return { ...p, ctx: t.ctx(org, actor) };
  };
  const view = async (audience: "presenter" | "participant" | "facilitator", participantId?: string) =>
    workshopView((await loadWorkshopRows(t.ctx(org), workshop.id))!, audience, participantId);
  return { org, teamId: team.id, assessmentId, facilitator, workshop, join, view };
}

export const levelVote = (lvl: number, questionId = "a-q1", round = 1) => ({ questionId, round, vote: { kind: "level" as const, level: lvl } });
