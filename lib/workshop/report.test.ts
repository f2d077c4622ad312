import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../scoring";
import { answersOf, level, testModel } from "../test-models";
import { markdownText, nextBottleneckText, reportMarkdown, workshopReport, type WorkshopReportInput } from "./report";

const model = testModel({
  areas: [
    { id: "build", questions: 2 },
    { id: "run", questions: 1 },
  ],
});
const lv = (n: number) => ({ kind: "level" as const, level: n });
const input = (over: Partial<WorkshopReportInput> = {}): WorkshopReportInput => ({
  teamId: "team-1",
  assessmentId: "assessment-1",
  teamName: "Payments | Core",
  model,
  anonymity: "named",
  openedAt: new Date("2026-11-30T09:00:00Z"),
  endedAt: new Date("2026-11-30T11:00:00Z"),
  participants: 3,
  votes: [
    { questionId: "build-q1", round: 1, name: "Ana", vote: lv(2) },
    { questionId: "build-q1", round: 1, name: null, vote: lv(4) },
    { questionId: "run-q1", round: 1, name: "Ana", vote: { kind: "unsure" } },
  ],
  consensus: [{ questionId: "build-q1", answer: lv(3), note: "CI on main only;\nnot on branches" }],
  answers: answersOf({ "build-q1": level(3), "build-q2": level(4), "run-q1": level(1) }),
  previous: {
    submittedAt: new Date("2026-08-01T10:00:00Z"),
    score: scoreAssessment(model, answersOf({ "build-q1": level(2), "build-q2": level(2), "run-q1": level(2) })),
  },
  submitted: false,
  agreement: null,
  ...over,
});

describe("the workshop report", () => {
  it("lists the questions voted on in model order, with distribution, consensus and note", () => {
    const r = workshopReport(input());
    expect(r.questions.map((q) => [q.number, q.title, q.tally.median, q.tally.spread, q.consensus])).toEqual([
      [1, model.areas[0]!.questions[0]!.title, 2, 2, lv(3)],
      [3, model.areas[1]!.questions[0]!.title, null, null, null],
    ]);
    expect(r.questions[0]!.votes).toEqual([
      { name: "Ana", vote: lv(2) },
      { name: "Someone", vote: lv(4) },
    ]);
    expect(workshopReport(input({ anonymity: "facilitator" })).questions[0]!.votes).toBeUndefined();
  });

  it("compares each area of the team answers with the previous assessment", () => {
    expect(workshopReport(input()).areas).toEqual([
      { areaId: "build", name: model.areas[0]!.name, now: 3.5, before: 2, change: 1.5 },
      { areaId: "run", name: model.areas[1]!.name, now: 1, before: 2, change: -1 },
    ]);
    expect(workshopReport(input({ previous: undefined })).areas[0]).toMatchObject({ before: null, change: null });
  });

  it("names the next bottleneck: the weakest stave so far, and what is left before the target is set", () => {
    const r = workshopReport(input());
    expect(r.next).toEqual({ weakest: [model.areas[1]!.name], waterLevel: 1, open: 0, submitted: false });
    expect(nextBottleneckText(r.next)).toBe(
      `The weakest stave so far: ${model.areas[1]!.name} at 1.0. Every question has a team answer: submit, then record the target and the first actions on the results.`,
    );
    const open = workshopReport(input({ answers: answersOf({ "build-q1": level(3) }) })).next;
    expect(open).toMatchObject({ weakest: [model.areas[0]!.name], waterLevel: 3, open: 2 });
    expect(nextBottleneckText(open)).toContain("2 questions are still open");
    expect(nextBottleneckText(workshopReport(input({ answers: new Map() })).next)).toMatch(/^No area has an answer yet/);
    expect(nextBottleneckText(workshopReport(input({ submitted: true })).next)).toContain("its results hold the target");
    expect(reportMarkdown(r)).toContain("## Next bottleneck");
  });

  it("writes Markdown whose table rows survive pipes and line breaks in the text", () => {
    const md = reportMarkdown(workshopReport(input()));
    expect(md).toContain("# Workshop: Payments \\| Core");
    expect(md).toContain("| CI on main only; not on branches |");
    expect(md).toMatch(/\| 1 \| .+ \| .+ \(disagreed\) \| 1: 0, 2: 1, 3: 0, 4: 1, 5: 0, unsure: 0, n\/a: 0 \| 2 \| 2 \| level 3 \|/);
    expect(md).toContain("| +1.5 |");
    expect(md).toContain("| −1.0 |");
    expect(md).toContain("against the assessment of 1 Aug 2026");
    for (const row of md.split("\n").filter((l) => l.startsWith("| 1 |"))) expect(row.split(/(?<!\\)\|/).length).toBe(10);
  });
});

describe("a re-vote in the report", () => {
  // Round 1 split the room from 1 to 4; after talking it over, round 2 came out at 3 and 4.
  const revoted = input({
    votes: [
      { questionId: "build-q1", round: 2, name: "Ana", vote: lv(3) },
      { questionId: "build-q1", round: 1, name: "Ana", vote: lv(1) },
      { questionId: "build-q1", round: 1, name: "Ben", vote: lv(4) },
      { questionId: "build-q1", round: 2, name: "Ben", vote: lv(4) },
    ],
  });

  it("keeps every round's tally in order; the last round is the one the room settled on", () => {
    const [q] = workshopReport(revoted).questions;
    expect(q!.rounds.map((r) => [r.round, r.tally.spread, r.tally.median, r.tally.total])).toEqual([
      [1, 3, 1, 2],
      [2, 1, 3, 2],
    ]);
    expect(q!.tally).toEqual(q!.rounds[1]!.tally);
    expect(q!.tally.disagrees).toBe(false);
    expect(q!.votes).toEqual([
      { name: "Ana", vote: lv(3) },
      { name: "Ben", vote: lv(4) },
    ]);
    expect(workshopReport(input()).questions[0]!.rounds).toHaveLength(1);
  });

  it("shows the move in Markdown: each round's votes, and the median and spread of each", () => {
    const row = reportMarkdown(workshopReport(revoted))
      .split("\n")
      .find((l) => l.startsWith("| 1 |"))!;
    expect(row).toContain("| round 1: 1: 1, 2: 0, 3: 0, 4: 1, 5: 0, unsure: 0, n/a: 0; round 2: 1: 0, 2: 0, 3: 1, 4: 1, 5: 0, unsure: 0, n/a: 0 |");
    expect(row).toContain("| 1 → 3 | 3 → 1 |");
    expect(row.split(/(?<!\\)\|/).length).toBe(10);
  });
});

describe("Markdown from what people typed", () => {
  it("makes HTML and Markdown in notes, names and titles inert", () => {
    expect(markdownText("<img src=x onerror=alert(1)>")).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(markdownText("[click](javascript:alert(1)) *bold* _em_ `code` ~~x~~ a|b \\ R&D")).toBe(
      "\\[click\\](javascript:alert(1)) \\*bold\\* \\_em\\_ \\`code\\` \\~\\~x\\~\\~ a\\|b \\\\ R&amp;D",
    );
    expect(markdownText("line one\r\n# not a heading\n- nor a list")).toBe("line one # not a heading - nor a list");

    const md = reportMarkdown(
      workshopReport(
        input({
          teamName: "<script>alert(1)</script>",
          consensus: [{ questionId: "build-q1", answer: lv(3), note: "<img src=x onerror=alert(1)>" }],
          agreement: {
            areaId: "run",
            areaName: "Run <b>it</b>",
            fromScore: 1,
            level: 3,
            dueOn: "2027-03-31",
            actions: [{ title: "Page <i>on-call</i> [now](http://x)", ownerText: "<u>Ana</u>", dueOn: null }],
            agreedAt: "2026-11-30T11:05:00.000Z",
            appliedAt: null,
          },
        }),
      ),
    );
    expect(md).not.toMatch(/<(img|script|b|i|u)\b/);
    expect(md).toContain("# Workshop: &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("| &lt;img src=x onerror=alert(1)&gt; |");
    expect(md).toContain("1. Page &lt;i&gt;on-call&lt;/i&gt; \\[now\\](http://x) (owner: &lt;u&gt;Ana&lt;/u&gt;)");
  });
});

describe("the agreed next bottleneck in the report", () => {
  const agreement = {
    areaId: "run",
    areaName: model.areas[1]!.name,
    fromScore: 1,
    level: 3,
    dueOn: "2027-03-31",
    actions: [
      { title: "Write the on-call runbook", ownerText: "Ana", dueOn: "2027-01-15" },
      { title: "Alert on error budget", ownerText: null, dueOn: null },
    ],
    agreedAt: "2026-11-30T11:05:00.000Z",
    appliedAt: null,
  };

  it("carries the agreement, and says it goes onto the results at submission", () => {
    const r = workshopReport(input({ agreement }));
    expect(r.agreement).toEqual(agreement);
    expect(nextBottleneckText(r.next, true)).toContain("submit; the agreed target and first actions then go onto its results.");
  });

  it("writes the area, target, date and each action in Markdown", () => {
    const md = reportMarkdown(workshopReport(input({ agreement })));
    expect(md).toContain(`**Agreed:** Raise ${model.areas[1]!.name} from 1.0 to level 3 by 31 Mar 2027.`);
    expect(md).toContain("1. Write the on-call runbook (owner: Ana · due 15 Jan 2027)");
    expect(md).toContain("2. Alert on error budget\n");
    expect(reportMarkdown(workshopReport(input()))).not.toContain("**Agreed:**");
  });
});
