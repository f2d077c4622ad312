import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { miniModelYaml } from "@/test/fixtures/mini-model";
import type { Results } from "../contracts/results";
import type { TrendContract } from "../contracts/trend";
import type { ImprovementAction } from "../improvement-actions";
import { parseModel } from "../model/parse";
import { scoreAssessment } from "../scoring";
import { actionsCsv, resultsCsv, trendCsv } from "./team-csv";

const parsed = parseModel(
  miniModelYaml({
    extra:
      "      - id: build-cd\n        title: CD\n        prompt: Is there CD?\n        why: It ships.\n        levels: [None, Some, All]\n        next: [Add some, Add all]",
  }),
  "mini.yaml",
);
if (!parsed.ok) throw new Error("the test model does not parse");
const model = parsed.model;

/** The CSV read back as a spreadsheet would: its byte order mark dropped, rows as arrays. */
const rows = (csv: string) => {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv).toContain("\r\n");
  return parse(csv.slice(1)) as string[][];
};

const answers = [
  {
    questionId: "build-ci",
    value: { kind: "level", level: 3 },
    note: '=HYPERLINK("http://evil")',
    evidence: {
      items: ["https://ci.example/runs", "=cmd|' /C calc'!A0"],
      effectiveOn: "2025-01-10",
      validFor: "P12M",
      expiresOn: "2026-01-10",
      state: "stale",
    },
    measured: { metric: "deployment-frequency", quarter: "2026-Q1", metricValue: 0.5, level: 2, capped: true },
    lapsed: null,
  },
  { questionId: "build-cd", value: { kind: "not_applicable", reason: "We ship nothing, yet" }, note: null, evidence: null, measured: null, lapsed: null },
] as const satisfies readonly Results["answers"][number][];

const NEW_COLUMNS = [
  "Evidence state",
  "Evidence expires on",
  "Evidence",
  "Measured level",
  "Measured by",
  "Measured quarter",
  "Metric value",
  "Capped by measured level",
];

const results: Results = {
  assessmentId: "00000000-0000-4000-8000-000000000001",
  teamId: "00000000-0000-4000-8000-000000000002",
  teamName: "Payments",
  model: { modelId: "mini", modelVersion: "1.0.0", modelName: "Mini" },
  submittedAt: "2026-03-14T09:30:00.000Z",
  respondents: "shared",
  score: scoreAssessment(model, new Map(answers.map((a) => [a.questionId, a.value]))),
  decimals: 1,
  spread: null,
  answers: answers.map((a) => ({ ...a, evidence: a.evidence && { ...a.evidence, items: [...a.evidence.items] } })),
};

describe("a results page as CSV", () => {
  it("has one row per question in model order, with its area's score, the answer and the note, formulas neutralised", () => {
    const [header, ...body] = rows(resultsCsv(results, model));
    // The columns every earlier export had come first, in their order; evidence and measured levels follow.
    expect(header).toEqual([
      "Assessed on",
      "Area",
      "Area score",
      "Question id",
      "Question",
      "Answer",
      "Level",
      "Reason not applicable",
      "Note",
      ...NEW_COLUMNS,
    ]);
    expect(body).toEqual([
      [
        ...["2026-03-14", "Build", "3", "build-ci", "CI", "3 · High", "3", "", `'=HYPERLINK("http://evil")`],
        ...["stale", "2026-01-10", "https://ci.example/runs; =cmd|' /C calc'!A0", "2", "deployment-frequency", "2026-Q1", "0.5", "yes"],
      ],
      ["2026-03-14", "Build", "3", "build-cd", "CD", "Not applicable", "", "We ship nothing, yet", "", "", "", "", "", "", "", "", ""],
    ]);
  });

  it("neutralises evidence that starts like a formula", () => {
    const first = results.answers[0]!;
    const hostile = { ...first, evidence: { ...first.evidence!, items: ["=cmd|' /C calc'!A0", "https://ci.example/runs"] } };
    const [, row] = rows(resultsCsv({ ...results, answers: [hostile] }, model));
    expect(row![11]).toBe("'=cmd|' /C calc'!A0; https://ci.example/runs");
  });

  it("leaves the notes column out when the notes were not asked for, keeping the evidence and measured columns last", () => {
    const [header, ...body] = rows(resultsCsv({ ...results, answers: results.answers.map(({ note: _note, ...rest }) => rest) }, model));
    expect(header).not.toContain("Note");
    expect(header!.slice(8)).toEqual(NEW_COLUMNS);
    expect(body[0]!.slice(8, 10)).toEqual(["stale", "2026-01-10"]);
  });
});

describe("a trend as CSV", () => {
  it("has one row per assessment, oldest first, with every area of the series and the weakest named", () => {
    const trend: TrendContract = {
      teamId: results.teamId,
      teamName: "Payments",
      areas: [
        { areaId: "build", name: "Build" },
        { areaId: "gone", name: "-Gone" },
      ],
      points: [
        {
          assessmentId: results.assessmentId,
          submittedAt: "2026-01-02T10:00:00.000Z",
          modelId: "mini",
          modelVersion: "1.0.0",
          waterLevel: 2.35,
          weakest: ["build"],
          spill: 0.4,
          areas: [
            { areaId: "build", score: 2.35 },
            { areaId: "gone", score: null },
          ],
          respondents: { count: 3, low: 2, high: 3 },
        },
      ],
      targets: [],
      annotations: [],
    } as unknown as TrendContract;
    expect(rows(trendCsv(trend))).toEqual([
      ["Assessed on", "Model", "Model version", "Water level", "Weakest stave", "Spill", "Build", "'-Gone", "Respondents"],
      ["2026-01-02", "mini", "1.0.0", "2.35", "Build", "0.4", "2.35", "", "3"],
    ]);
  });
});

describe("improvement actions as CSV", () => {
  it("says each action's aim, status and owner in words, and its dates as ISO", () => {
    const action: ImprovementAction & { aim: string } = {
      id: "a",
      assessmentId: results.assessmentId,
      agreedOn: "2026-03-14T09:30:00.000Z",
      title: "@SUM(A1) add a pipeline",
      description: null,
      ownerUserId: null,
      ownerName: null,
      dueOn: "2026-06-30",
      status: "in_progress",
      areaId: "build",
      questionId: "build-ci",
      position: 0,
      aim: "Build · CI",
    };
    expect(rows(actionsCsv([action]))).toEqual([
      ["Title", "Aims at", "Status", "Owner", "Due on", "Agreed on", "Description"],
      ["'@SUM(A1) add a pipeline", "Build · CI", "In progress", "No owner yet", "2026-06-30", "2026-03-14", ""],
    ]);
  });
});
