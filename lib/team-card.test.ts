import { describe, expect, it } from "vitest";
import { barrelSummary, changeSince, draftText, quarterName, teamCard, type CardDraft, type CardScore } from "./team-card";

const d = (iso: string) => new Date(iso);
const now = d("2026-11-20T12:00:00Z");

const score = (submittedAt: string, waterLevel: number | null, weakest = ["security"]): CardScore => ({
  submittedAt: d(submittedAt),
  waterLevel,
  weakest,
  areas: [
    { areaId: "cicd", name: "CI/CD", score: 3.5 },
    { areaId: "security", name: "Security", score: waterLevel },
  ],
});

const draft = (over: Partial<CardDraft> = {}): CardDraft => ({
  assessmentId: "draft-1",
  createdAt: d("2026-10-03T09:00:00Z"),
  respondents: "shared",
  answered: 12,
  toReview: 0,
  questions: 40,
  ...over,
});

describe("which way the water level moved", () => {
  it("says up, down or no change since the previous assessment, in words and with an arrow", () => {
    expect(changeSince(score("2026-11-01", 2.4), score("2026-08-12", 2.1))).toEqual({ direction: "up", arrow: "↑", text: "Up 0.3 since 12 Aug 2026" });
    expect(changeSince(score("2026-11-01", 1.8), score("2026-08-12", 2.1))).toEqual({ direction: "down", arrow: "↓", text: "Down 0.3 since 12 Aug 2026" });
    expect(changeSince(score("2026-11-01", 2.1), score("2026-08-12", 2.1))).toEqual({ direction: "same", arrow: "→", text: "No change since 12 Aug 2026" });
  });

  it("rounds the difference to one decimal, as scores are reported", () => {
    expect(changeSince({ waterLevel: 2.3 }, { waterLevel: 2.1, submittedAt: d("2026-08-12") })?.text).toBe("Up 0.2 since 12 Aug 2026");
  });

  it("says it with SAMM's two decimals on a SAMM model, where one decimal would hide it", () => {
    expect(changeSince({ waterLevel: 1.13 }, { waterLevel: 1.08, submittedAt: d("2026-08-12") }, 2)?.text).toBe("Up 0.05 since 12 Aug 2026");
  });

  it("says nothing without a previous assessment or a water level", () => {
    expect(changeSince(score("2026-11-01", 2.4), undefined)).toBeUndefined();
    expect(changeSince(score("2026-11-01", null), score("2026-08-12", 2))).toBeUndefined();
    expect(changeSince(score("2026-11-01", 2), score("2026-08-12", null))).toBeUndefined();
  });
});

describe("what is waiting for the team", () => {
  it("names the quarter (UTC) the draft was started in, with its year when not this year's", () => {
    expect(quarterName(d("2026-10-01T00:00:00Z"), now)).toBe("Q4");
    expect(quarterName(d("2026-09-30T23:59:59Z"), now)).toBe("Q3");
    expect(quarterName(d("2025-12-31T23:00:00Z"), now)).toBe("Q4 2025");
  });

  it("counts the team's answers against the model's questions", () => {
    expect(draftText(draft(), { mine: true, now })).toBe("Your team’s Q4 assessment is open: 12 of 40 answered");
    expect(draftText(draft(), { mine: false, now })).toBe("The team’s Q4 assessment is open: 12 of 40 answered");
    expect(draftText(draft({ answered: 0 }), { mine: true, now })).toBe("Your team’s Q4 assessment is open: 0 of 40 answered");
  });

  it("counts the person's own answers when each member answers on their own, and says what waits for review", () => {
    expect(draftText(draft({ respondents: "named", answered: 5 }), { mine: true, now })).toBe("Your team’s Q4 assessment is open: you have answered 5 of 40");
    expect(draftText(draft({ respondents: "anonymous", answered: 0 }), { mine: true, now })).toBe(
      "Your team’s Q4 assessment is open: you have answered 0 of 40",
    );
    expect(draftText(draft({ answered: 2, toReview: 38 }), { mine: true, now })).toBe("Your team’s Q4 assessment is open: 40 of 40 answered, 38 to review");
  });
});

describe("a team's card", () => {
  const team = { id: "t1", name: "Payments", mine: true, cadence: "quarterly" as const };

  it("leads to the open draft when there is one", () => {
    const card = teamCard({ team, latest: score("2026-08-12", 2.1), scaleMax: 5, draft: draft(), canStart: true, now });
    expect(card.next).toEqual({ kind: "draft", text: "Your team’s Q4 assessment is open: 12 of 40 answered", href: "/teams/t1/assessments/draft-1" });
  });

  it("says when the next assessment is due once the team has been assessed", () => {
    const card = teamCard({ team, latest: score("2026-08-12", 2.1), scaleMax: 5, canStart: true, now });
    expect(card.next).toMatchObject({ kind: "due", due: { state: "overdue", date: d("2026-11-12T00:00:00Z") } });
    expect(teamCard({ team, latest: score("2026-10-01", 2.1), scaleMax: 5, canStart: true, now }).next).toMatchObject({
      kind: "due",
      due: { state: "upcoming", date: d("2027-01-01T00:00:00Z") },
    });
    expect(teamCard({ team: { ...team, cadence: "none" }, latest: score("2026-08-12", 2.1), scaleMax: 5, canStart: true, now }).next).toEqual({ kind: "none" });
  });

  it("says a team never assessed is not assessed yet, with the way to start when the person may", () => {
    expect(teamCard({ team, scaleMax: 5, canStart: true, now })).toEqual({
      id: "t1",
      name: "Payments",
      mine: true,
      href: "/teams/t1",
      next: { kind: "not-assessed", startHref: "/teams/t1" },
    });
    expect(teamCard({ team, scaleMax: 5, canStart: false, now }).next).toEqual({ kind: "not-assessed" });
  });

  it("shows a SAMM model's figures with its two decimals", () => {
    const card = teamCard({ team, latest: score("2026-11-01", 1.13), previous: score("2026-08-12", 1.08), scaleMax: 3, digits: 2, canStart: true, now });
    expect(card.result).toMatchObject({ digits: 2, summary: "Water level 1.13 of 3; weakest stave Security", change: { text: "Up 0.05 since 12 Aug 2026" } });
  });

  it("says a team whose results the organisation keeps from the person is private, not unassessed, and offers no start", () => {
    expect(teamCard({ team, resultsPrivate: true, scaleMax: 5, canStart: true, now })).toEqual({
      id: "t1",
      name: "Payments",
      mine: true,
      href: "/teams/t1",
      next: { kind: "private" },
    });
  });

  it("shows the latest water level, the weakest stave and the change since the previous assessment", () => {
    const card = teamCard({ team, latest: score("2026-11-01", 2.4), previous: score("2026-08-12", 2.1), scaleMax: 5, canStart: true, now });
    expect(card.result).toEqual({
      waterLevel: 2.4,
      scaleMax: 5,
      digits: 1,
      staves: [
        { areaId: "cicd", name: "CI/CD", score: 3.5, weakest: false },
        { areaId: "security", name: "Security", score: 2.4, weakest: true },
      ],
      weakestNames: ["Security"],
      summary: "Water level 2.4 of 5; weakest stave Security",
      change: { direction: "up", arrow: "↑", text: "Up 0.3 since 12 Aug 2026" },
    });
  });

  it("describes the picture in words, ties included", () => {
    expect(barrelSummary(2.4, ["Security"], 5)).toBe("Water level 2.4 of 5; weakest stave Security");
    expect(barrelSummary(2, ["CI/CD", "Security"], 3)).toBe("Water level 2.0 of 3; weakest staves CI/CD and Security");
    expect(barrelSummary(null, [], 5)).toBe("No water level: no area was scored");
  });
});
