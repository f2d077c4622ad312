import { z } from "zod";
import { MEASURED_METRIC_NAMES } from "../model/measured-by";
import { areaRefSchema, decimalsSchema, isoDaySchema, modelRefSchema, quarterSchema, scaleSchema } from "./common";

const quartilesSchema = z.object({ q1: z.number(), median: z.number(), q3: z.number() });

/**
 * The leadership dashboard's aggregates for the organisation or one group, quarter by quarter,
 * with the small-group privacy rule already applied: a withheld figure is absent, never zero.
 */
export const dashboardSchema = z.object({
  organisationId: z.uuid(),
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  model: modelRefSchema,
  scale: scaleSchema,
  decimals: decimalsSchema,
  areas: z.array(areaRefSchema),
  /** Active teams in scope. */
  teams: z.number().int(),
  /** Teams with at least one submitted assessment of the model. */
  assessedTeams: z.number().int(),
  /** Teams whose latest assessment was submitted this quarter or the one before. */
  assessedRecently: z.number().int(),
  /** Too few assessed teams to show anything aggregated to someone outside the group. */
  withheld: z.boolean(),
  /** The fewest teams a group's figures are shown outside it with (the organisation's owners set it, at least 3). */
  minTeams: z.number().int(),
  /**
   * Per area (model order), the answers in the assessments the teams count with in the last quarter
   * (each team's latest) and how many of them rest on evidence stale on `day`; null where that
   * quarter's figures are withheld.
   */
  staleEvidence: z
    .object({
      day: isoDaySchema,
      teams: z.number().int(),
      areas: z.array(z.object({ areaId: z.string(), answers: z.number().int(), stale: z.number().int() })),
    })
    .nullable(),
  /**
   * DORA's metrics across the teams in scope with delivery data in the last quarter: per metric the
   * teams with a figure and their median and quartiles (deployments a week, hours, shares 0–1); null
   * where withheld (the same small-group rule, with subtraction, as the scores).
   */
  delivery: z
    .object({
      quarter: quarterSchema,
      teams: z.number().int(),
      metrics: z.array(z.object({ metric: z.enum(MEASURED_METRIC_NAMES), teams: z.number().int(), spread: quartilesSchema.nullable() })),
    })
    .nullable(),
  quarters: z.array(
    z.object({
      quarter: quarterSchema,
      /** Teams counted in the quarter: their latest assessment then is at most two quarters old. */
      teams: z.number().int(),
      withheld: z.boolean(),
      /**
       * Why the quarter is withheld: too few teams counted, or complementary (shown beside its parent's
       * and siblings' figures it would give a withheld group's away by subtraction); null when shown.
       */
      withheldReason: z.enum(["too-few-teams", "complementary"]).nullable(),
      /** Median and interquartile range of the counted teams' water levels; null when withheld or none. */
      waterLevel: quartilesSchema.nullable(),
      /** Area id → teams whose weakest stave it is (a tie counts for every tied area). */
      weakestStaves: z.record(z.string(), z.number().int()),
    }),
  ),
});

export type DashboardResource = z.infer<typeof dashboardSchema>;
