// The workshop's bench data (run through setup-data.ts): a team's draft assessment run as a
// workshop by the bench user, with a room of participants already joined (their tokens are what
// their phones' cookies would hold), and the count of votes stored afterwards.
import { and, count, countDistinct, eq } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { startAssessment } from "@/db/queries/assessments";
import { getLatestModelVersion } from "@/db/queries/model-versions";
import { createTeam } from "@/db/queries/teams";
import { joinWorkshop } from "@/db/queries/workshop-votes";
import { openWorkshop } from "@/db/queries/workshops";
import { workshopVotes } from "@/db/schema";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { questionsOf } from "@/lib/model/lookup";
import { startUp } from "@/server/start-up";

export type WorkshopBenchData = {
  organisationId: string;
  userId: string;
  cookie: string;
  teamIds: string[];
  workshopId: string;
  questionId: string;
  levels: number[];
  participants: { name: string; token: string }[];
};

type BenchUser = (run: string) => Promise<{ userId: string; organisationId: string; cookie: string }>;

export async function workshopSetup(participants: number, benchUser: BenchUser): Promise<WorkshopBenchData> {
  await startUp();
  const { db } = await getDbHandle();
  const { userId, organisationId, cookie } = await benchUser(`workshop ${participants}`);
  const ctx = { organisationId, actor: { kind: "member" as const, userId, role: "owner" as const }, db };
  const model = await getLatestModelVersion(ctx, CORE_MODEL_ID);
  if (!model) throw new Error(`the ${CORE_MODEL_ID} model is not loaded`);
  const team = await createTeam(ctx, "Workshop room");
  const assessmentId = await startAssessment(ctx, team.id, CORE_MODEL_ID);
  // Named votes, so the facilitator's view says who has voted: each vote's arrival is seen by name.
  const workshop = await openWorkshop(ctx, { assessmentId, anonymity: "named", autoReveal: false });
  const room: { name: string; token: string }[] = [];
  for (let i = 1; i <= participants; i++) {
    const name = `Participant ${i}`;
    room.push({ name, token: (await joinWorkshop(db, { joinCode: workshop.joinCode, name })).token });
  }
  return {
    organisationId,
    userId,
    cookie,
    teamIds: [team.id],
    workshopId: workshop.id,
    questionId: questionsOf(model.model)[0]!.question.id,
    levels: model.model.scale.map((l) => l.value),
    participants: room,
  };
}

/** How many votes the workshop stored on its first question, and from how many participants. */
export async function countWorkshopVotes(data: WorkshopBenchData): Promise<{ rows: number; participants: number }> {
  await startUp();
  const { db } = await getDbHandle();
  const [row] = await db
    .select({ rows: count(), participants: countDistinct(workshopVotes.participantId) })
    .from(workshopVotes)
    .where(and(eq(workshopVotes.workshopId, data.workshopId), eq(workshopVotes.questionId, data.questionId)));
  return { rows: row!.rows, participants: row!.participants };
}
