import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { answerColumns } from "@/lib/answer";
import { systemActor } from "@/lib/actor";
import type { DemoSignIn } from "@/lib/demo";
import { CORE_MODEL_ID } from "@/lib/model/core";
import type { Model } from "@/lib/model/schema";
import { scoreAssessment } from "@/lib/scoring";
import type { Db, Tx } from "../client";
import { recordAudit } from "../queries/audit";
import { getLatestShippedModelVersion } from "../queries/model-versions";
import { answers, assessments, organisations, teams, type NewAnswer } from "../schema";
import { storeScores } from "../score-rows";
import { insertDemoRespondents } from "./demo-respondents";
import { insertDemoCycle } from "./demo-cycle";
import { insertDemoDelivery } from "./demo-delivery";
import { insertDemoGroups } from "./demo-groups";
import { buildDemoFleet, buildDemoStories, type DemoTeam } from "./demo-stories";
import { seedDemoUsers } from "./demo-users";
import { withTransaction } from "../transaction";

export const DEMO_ORGANISATION_NAME = "Demo Organisation";
const DAY = 86_400_000;
const ANSWER_BATCH = 500;

export class OrganisationExistsError extends Error {
  constructor() {
    super("An organisation already exists in this database; demo data is only added to an empty installation.");
    this.name = "OrganisationExistsError";
  }
}

export type SeedDemoOptions = {
  /** Refuse when any organisation exists (default). Tests on a shared PostgreSQL turn this off. */
  requireEmpty?: boolean;
};

export type SeedDemoResult = { organisationId: string; teams: number; assessments: number; signIns: DemoSignIn[] };

/**
 * Adds a demo organisation whose teams have two years of submitted assessments against the given
 * model version, so trends are worth looking at from the first minute. One transaction: all or
 * nothing, scores included, as a submission would store them.
 */
export async function seedDemoOrganisation(
  db: Db,
  model: { id: string; model: Model },
  now = new Date(),
  { requireEmpty = true }: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const stories = buildDemoStories(model.model, now);
  return withTransaction({ db }, async ({ db }) => {
    if (requireEmpty) {
      // Two seeds, or a seed and the set-up form, must not both create a first organisation.
      await db.execute(sql`lock table ${organisations} in share row exclusive mode`);
      const [existing] = await db.select({ id: organisations.id }).from(organisations).limit(1);
      if (existing) throw new OrganisationExistsError();
    }
    const [organisation] = await db.insert(organisations).values({ name: DEMO_ORGANISATION_NAME }).returning({ id: organisations.id });
    const organisationId = organisation!.id;
    const demoTeams = [...stories.teams, ...buildDemoFleet(model.model, now)];
    const teamRows = await insertDemoTeams(db, organisationId, model, demoTeams, now);
    await insertDemoGroups(db, organisationId, teamRows);
    await insertDemoCycle(db, organisationId, model.model, teamRows, now);
    await insertDemoRespondents(db, organisationId, model.model, teamRows);
    await insertDemoDelivery(db, organisationId, teamRows, now);
    const signIns = await seedDemoUsers(db, organisationId, teamRows[0]);
    const assessmentCount = demoTeams.reduce((n, t) => n + t.assessments.length, 0);
    await recordAudit(
      { organisationId, actor: systemActor("demo data"), db },
      {
        action: "organisation.created",
        summary: `Created the demo organisation: ${teamRows.length} teams in groups, ${assessmentCount} submitted assessments and one sign-in per role`,
      },
    );
    return { organisationId, teams: teamRows.length, assessments: assessmentCount, signIns };
  });
}

/**
 * Adds demo teams, their submitted assessments, every answer and the stored scores to an
 * organisation, inside the caller's transaction. Ids are made here so assessments and answers can
 * be inserted in batches without a round trip each.
 */
export async function insertDemoTeams(
  tx: Tx,
  organisationId: string,
  model: { id: string; model: Model },
  demoTeams: readonly DemoTeam[],
  now = new Date(),
): Promise<{ id: string; name: string }[]> {
  const teamRows = demoTeams.map((team) => ({
    id: randomUUID(),
    organisationId,
    name: team.name,
    createdAt: new Date((team.assessments[0]?.startedAt ?? now).getTime() - 7 * DAY),
  }));
  const demoAssessments = demoTeams.flatMap((team, i) =>
    team.assessments.map((a) => ({
      story: a,
      row: {
        id: randomUUID(),
        organisationId,
        teamId: teamRows[i]!.id,
        modelVersionId: model.id,
        status: "submitted" as const,
        submittedAt: a.submittedAt,
        createdAt: a.startedAt,
      },
    })),
  );
  const answerRows = demoAssessments.flatMap(({ story, row }) =>
    story.answers.map<NewAnswer>(({ questionId, value, note }) => ({
      organisationId,
      assessmentId: row.id,
      questionId,
      ...answerColumns(value),
      note,
      updatedAt: story.submittedAt,
    })),
  );
  await tx.insert(teams).values(teamRows);
  if (demoAssessments.length === 0) return teamRows;
  await tx.insert(assessments).values(demoAssessments.map((a) => a.row));
  for (let i = 0; i < answerRows.length; i += ANSWER_BATCH) {
    await tx.insert(answers).values(answerRows.slice(i, i + ANSWER_BATCH));
  }
  await storeScores(
    tx,
    demoAssessments.map(({ story, row }) => ({
      organisationId,
      assessmentId: row.id,
      score: scoreAssessment(model.model, new Map(story.answers.map((a) => [a.questionId, a.value]))),
    })),
  );
  return teamRows.map(({ id, name }) => ({ id, name }));
}

/** The demo organisation as the installation's first (the first-run page's offer); undefined when one exists already. */
export async function createDemoOrganisation(db: Db): Promise<DemoSignIn[] | undefined> {
  const model = await getLatestShippedModelVersion(db, CORE_MODEL_ID);
  if (!model) throw new Error(`The ${CORE_MODEL_ID} model is not loaded.`);
  try {
    return (await seedDemoOrganisation(db, model)).signIns;
  } catch (error) {
    if (error instanceof OrganisationExistsError) return undefined;
    throw error;
  }
}
