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
  { questionId: "build-ci", value: { kind: "level", level: 3 }, note: '=HYPERLINK("http://evil")' },
  { questionId: "build-cd", value: { kind: "not_applicable", reason: "We ship nothing, yet" }, note: null },
] as const;

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
  answers: answers.map((a) => ({ ...a })),
};

describe("a results page as CSV", () => {
  it("has one row per question in model order, with its area's score, the answer and the note, formulas neutralised", () => {
    const [header, ...body] = rows(resultsCsv(results, model));
    expect(header).toEqual(["Assessed on", "Area", "Area score", "Question id", "Question", "Answer", "Level", "Reason not applicable", "Note"]);
    expect(body).toEqual([
      ["2026-03-14", "Build", "3", "build-ci", "CI", "3 · High", "3", "", `'=HYPERLINK("http://evil")`],
      ["2026-03-14", "Build", "3", "build-cd", "CD", "Not applicable", "", "We ship nothing, yet", ""],
    ]);
  });

  it("leaves the notes column out when the notes were not asked for", () => {
    const [header] = rows(resultsCsv({ ...results, answers: answers.map(({ questionId, value }) => ({ questionId, value })) }, model));
    expect(header).not.toContain("Note");
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
