import type { z } from "zod";
import { DASHBOARD_PERIODS } from "../validation/dashboard";
import { dashboardSchema } from "./dashboard";
import { teamDeliverySchema } from "./delivery";
import { historySchema } from "./history";
import { modelListSchema, modelVersionSchema } from "./models";
import { organisationSchema, teamListSchema } from "./organisation";
import { resultsSchema } from "./results";
import { trendSchema } from "./trend";
import { workshopReportSchema } from "./workshop";

export type ApiOperation = {
  id: string;
  /** Below /api/v1, with {name} for path parameters. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  schemaName: string;
  schema: z.ZodType;
  pathParams?: Record<string, string>;
  query?: Record<string, { description: string; schema: Record<string, unknown> }>;
  /** Paged with limit and cursor. */
  list?: boolean;
};

/** Every read the API offers, with the contract of its answer. */
export const API_OPERATIONS: ApiOperation[] = [
  {
    id: "getOrganisation",
    path: "/organisation",
    tag: "Organisation",
    summary: "The token's organisation and its groups",
    schemaName: "Organisation",
    schema: organisationSchema,
  },
  {
    id: "listTeams",
    path: "/teams",
    tag: "Teams",
    summary: "The organisation's teams, archived ones included",
    schemaName: "TeamList",
    schema: teamListSchema,
    list: true,
  },
  {
    id: "getTeamTrend",
    path: "/teams/{teamId}/trend",
    tag: "Teams",
    summary: "A team's water level and weakest stave over time, with every area per assessment",
    description:
      "Every submitted assessment of the team, oldest first: the stored score of each area, the water level (the lowest area) and the weakest staves, with the team's targets and trend notes.",
    schemaName: "Trend",
    schema: trendSchema,
    pathParams: { teamId: "The team's id." },
  },
  {
    id: "getTeamDelivery",
    path: "/teams/{teamId}/delivery",
    tag: "Teams",
    summary: "A team's delivery metrics per quarter: DORA's five, from its services' events",
    description:
      "Per calendar quarter (UTC) in which the team deployed, from the deployments, changes and incidents of the services mapped to it: deployment frequency, change lead time, change fail rate, failed deployment recovery time and rework rate, with the counts they come from.",
    schemaName: "TeamDelivery",
    schema: teamDeliverySchema,
    pathParams: { teamId: "The team's id." },
  },
  {
    id: "getAssessment",
    path: "/assessments/{assessmentId}",
    tag: "Assessments",
    summary: "A submitted assessment: its stored scores and team answers, with each answer's evidence and measured level",
    description:
      "Each answer carries its evidence (null without any) with its state at the time of the request — valid, expiring (stale within 30 days) or stale (from expiresOn on) — and, for a question delivery data measured at submission, the metric, the quarter measured, the metric's value, the level it reached and whether it capped the answer in the stored scores (null otherwise). Notes are the team's own words: they are included with include=notes, for a token with the read:notes scope (403 otherwise). A draft is not an assessment yet (422).",
    schemaName: "Assessment",
    schema: resultsSchema,
    pathParams: { assessmentId: "The assessment's id." },
    query: { include: { description: "notes: include each answer's note.", schema: { type: "string", enum: ["notes"] } } },
  },
  {
    id: "getDashboard",
    path: "/dashboard",
    tag: "Dashboard",
    summary: "The dashboard's quarterly aggregates for the organisation or one group",
    description:
      "Figures of a group with too few assessed teams are withheld (withheld: true, no figures), exactly as on the dashboard page. staleEvidence gives, per area, the answers of the teams' current assessments (those counted in the last quarter) and how many rest on evidence stale on the day asked; null where that quarter's figures are withheld.",
    schemaName: "Dashboard",
    schema: dashboardSchema,
    query: {
      group: { description: "A group's id; the whole organisation when absent.", schema: { type: "string", format: "uuid" } },
      model: { description: "A model's id; the model most teams use when absent.", schema: { type: "string" } },
      quarters: { description: "How many quarters, ending with this one.", schema: { type: "integer", enum: [...DASHBOARD_PERIODS] } },
    },
  },
  {
    id: "listModels",
    path: "/models",
    tag: "Models",
    summary: "The models the organisation may assess with, and their versions",
    schemaName: "ModelList",
    schema: modelListSchema,
  },
  {
    id: "getModelVersion",
    path: "/models/{modelId}/versions/{version}",
    tag: "Models",
    summary: "One version of a model, word for word",
    schemaName: "ModelVersion",
    schema: modelVersionSchema,
  },
  {
    id: "getWorkshopReport",
    path: "/workshops/{workshopId}/report",
    tag: "Workshops",
    summary: "A workshop's report: each question voted on, round by round; the next bottleneck agreed; each area against the previous assessment",
    schemaName: "WorkshopReport",
    schema: workshopReportSchema,
  },
  {
    id: "getHistory",
    path: "/history",
    tag: "History",
    summary: "The whole history of the organisation, a group or a team, as one document another Stave can import",
    description:
      "Groups, teams, every submitted assessment with its model version, team answers and respondents' answers with their notes, stored scores, targets, improvement actions, trend notes, and the ended workshops whose reports show something (votes, agreed answers and notes, the agreed next bottleneck; never a join code or a participant's token). Needs a token with the read:notes scope (403 otherwise). Also published as JSON Schema at /history-schema.json.",
    schemaName: "History",
    schema: historySchema,
    query: {
      team: { description: "A team's id: that team's history.", schema: { type: "string", format: "uuid" } },
      group: { description: "A group's id: the history of every team inside it.", schema: { type: "string", format: "uuid" } },
    },
  },
];
