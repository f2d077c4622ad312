import { describe, expect, it } from "vitest";
import { emptyHistory } from "./test-history";
import { comparableAssessment, comparableWorkshop, HISTORY_TOO_LARGE, readHistory } from "./history-import";

const empty = emptyHistory();

describe("reading a history file", () => {
  it("reads a history of this format version", () => {
    expect(readHistory(JSON.stringify(empty))).toEqual({ ok: true, history: empty });
  });

  it("says why it refuses malformed JSON, a file that is no history, a newer format and a malformed history", () => {
    expect(readHistory('{"formatVersion": 1,')).toEqual({
      ok: false,
      error: expect.stringMatching(/^This file is not valid JSON \(.+\)\. Choose a history exported from Stave\.$/),
    });
    expect(readHistory("[1, 2]")).toEqual({
      ok: false,
      error: "This file is not a Stave history: it has no formatVersion. Choose a history exported from Stave.",
    });
    expect(readHistory(JSON.stringify({ ...empty, formatVersion: 2 }))).toEqual({
      ok: false,
      error: "This history was written in format version 2, newer than this Stave reads (version 1). Update this Stave, then import it.",
    });
    const broken = { ...empty, teams: [{ id: "not-an-id", name: "Payments" }] };
    expect(readHistory(JSON.stringify(broken))).toEqual({
      ok: false,
      error: expect.stringMatching(/^This history is not well formed at teams\[0\]\.id: .+\. Nothing was imported\.$/),
    });
  });

  it("reads a document written before workshops travelled with it as having none", () => {
    const { workshops: _, ...older } = empty;
    expect(readHistory(JSON.stringify(older))).toEqual({ ok: true, history: { ...empty, workshops: [] } });
  });

  it("names the size limit and what to do instead", () => {
    expect(HISTORY_TOO_LARGE).toBe("A history file can be at most 25 MB. Export a group or a team at a time, and import each.");
  });
});

describe("comparing an assessment with the one of the same id here", () => {
  const assessment = {
    id: "5b0e7a4e-6f55-4a4b-9d43-2a8f0d1c2b11",
    teamId: "5b0e7a4e-6f55-4a4b-9d43-2a8f0d1c2b12",
    model: { modelId: "core", version: "1.0.0" },
    respondents: "shared" as const,
    submittedAt: "2026-01-01T10:00:00+01:00",
    answers: [],
    respondentAnswers: [{ questionId: "q", answer: { kind: "unsure" as const }, note: null, respondent: { name: "Ann", email: "ann@example.com" } }],
    score: { waterLevel: null, weakest: [], spill: null, areas: [] },
    target: null,
    actions: [
      {
        id: "5b0e7a4e-6f55-4a4b-9d43-2a8f0d1c2b13",
        title: "Page",
        description: null,
        owner: { member: { name: "Bo", email: "Bo@Example.com" } },
        dueOn: null,
        status: "planned" as const,
        areaId: "run",
        questionId: null,
      },
    ],
  };

  it("keeps a member owner by e-mail where they are a member here, by name otherwise, and a respondent's answers only where they are a member", () => {
    const matched = comparableAssessment(assessment, new Set(["bo@example.com"]));
    expect(matched.actions[0]!.owner).toEqual({ email: "bo@example.com" });
    expect(matched.submittedAt).toBe("2026-01-01T09:00:00.000Z");
    expect(matched.respondentAnswers).toEqual([]);
    expect(comparableAssessment(assessment, new Set(["ann@example.com"])).respondentAnswers).toEqual([
      { questionId: "q", answer: { kind: "unsure" }, note: null, email: "ann@example.com" },
    ]);
    expect(comparableAssessment(assessment, new Set()).actions[0]!.owner).toEqual({ text: "Bo" });
  });
});

describe("comparing a workshop with the one of the same id here", () => {
  const [ana, ben] = ["5b0e7a4e-6f55-4a4b-9d43-2a8f0d1c2b21", "5b0e7a4e-6f55-4a4b-9d43-2a8f0d1c2b22"];
  const workshop = {
    id: "5b0e7a4e-6f55-4a4b-9d43-2a8f0d1c2b20",
    assessmentId: "5b0e7a4e-6f55-4a4b-9d43-2a8f0d1c2b11",
    anonymity: "named" as const,
    openedAt: "2026-11-02T10:00:00.000Z",
    endedAt: "2026-11-02T11:00:00.000Z",
    participants: [
      { id: ana, name: "Ana" },
      { id: ben, name: "Ben" },
    ],
    votes: [
      { participantId: ana, questionId: "q1", round: 1, vote: { kind: "level" as const, level: 2 } },
      { participantId: ben, questionId: "q1", round: 1, vote: { kind: "unsure" as const } },
      { participantId: ana, questionId: "q1", round: 2, vote: { kind: "level" as const, level: 3 } },
    ],
    agreed: [
      { questionId: "q1", answer: { kind: "level" as const, level: 3 }, note: null },
      { questionId: "q2", answer: { kind: "not_applicable" as const }, note: "No such thing" },
    ],
    agreement: null,
  };

  it("is the same whatever the order of its participants, votes and agreed answers and the offset of its times", () => {
    const shuffled = {
      ...workshop,
      openedAt: "2026-11-02T11:00:00+01:00",
      participants: [...workshop.participants].reverse(),
      votes: [...workshop.votes].reverse(),
      agreed: [...workshop.agreed].reverse(),
    };
    expect(comparableWorkshop(shuffled)).toEqual(comparableWorkshop(workshop));
    expect(comparableWorkshop({ ...workshop, votes: workshop.votes.slice(1) })).not.toEqual(comparableWorkshop(workshop));
  });
});
