import { randomUUID } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadModels } from "@/content/load-models";
import type { Model } from "@/lib/model/schema";
import { level, notApplicable, testModel, unsure } from "@/lib/test-models";
import { assessments } from "../schema";
import { drivers, expectAppError, settlesWithin, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment, listAssessments, listSubmittedAssessments } from "./visible-assessments";
import { getLatestModelVersion, syncModelVersions } from "./model-versions";
import { addTeamMember } from "./team-members";
import { createTeam, setTeamArchived } from "./teams";

// Two versions of one model; the id is unique to this content (see withContentId).
const [v1, v2] = withContentId("assessments-test", [
  testModel({ version: "1.0.0", areas: [{ id: "build", questions: 1 }] }),
  testModel({
    version: "1.1.0",
    areas: [
      { id: "build", questions: 2 },
      { id: "run", questions: 1 },
    ],
  }),
]) as [Model, Model];
// Used by one test only, so its version is not in the process's model cache when that test runs.
const [uncached] = withContentId("assessments-test-uncached", [testModel({ areas: [{ id: "solo", questions: 1 }] })]) as [Model];
const shipped = loadModels(path.join(process.cwd(), "content", "models"));

describe.each(drivers)("assessments on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    // Synced one after the other, so 1.1.0 is the newer version.
    await syncModelVersions(t.handle.db, [v1]);
    await syncModelVersions(t.handle.db, [v2]);
    await syncModelVersions(t.handle.db, [...shipped, uncached]);
  });

  async function teamIn(org: string, name = "Payments") {
    return (await createTeam(t.ctx(org), name)).id;
  }

  async function answerAll(org: string, assessmentId: string) {
    await saveAnswer(t.ctx(org), { assessmentId, questionId: "build-q1", answer: level(3), note: null });
    await saveAnswer(t.ctx(org), { assessmentId, questionId: "build-q2", answer: unsure, note: "nobody knows" });
    await saveAnswer(t.ctx(org), { assessmentId, questionId: "run-q1", answer: notApplicable("No servers"), note: null });
  }

  describe("startAssessment", () => {
    it("starts a draft pinned to the latest version of the model", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      const id = await startAssessment(t.ctx(org), team, v2.id);
      const stored = await getLatestModelVersion(t.ctx(org), v2.id);

      const detail = await getAssessment(t.ctx(org), id);
      expect(detail).toMatchObject({
        id,
        teamId: team,
        teamName: "Payments",
        status: "draft",
        submittedAt: null,
        modelVersionId: stored!.id,
        answers: [],
      });
      expect(detail!.model.version).toBe("1.1.0");
      expect(detail!.model.areas.map((a) => a.id)).toEqual(["build", "run"]);
    });

    it("resumes the team's open draft instead of starting another", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      const first = await startAssessment(t.ctx(org), team, v2.id);

      expect(await startAssessment(t.ctx(org), team, v2.id)).toBe(first);
      expect((await listAssessments(t.ctx(org), team)).map((a) => a.id)).toEqual([first]);
    });

    it("starts a new draft once the previous one is submitted", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      const first = await startAssessment(t.ctx(org), team, v2.id);
      await answerAll(org, first);
      await submitAssessment(t.ctx(org), first);

      const second = await startAssessment(t.ctx(org), team, v2.id);
      expect(second).not.toBe(first);
      expect((await getAssessment(t.ctx(org), second))?.status).toBe("draft");
    });

    it("starts an assessment of the shipped devops-core model", async () => {
      const org = await t.organisation();
      const id = await startAssessment(t.ctx(org), await teamIn(org), "devops-core");
      const detail = await getAssessment(t.ctx(org), id);

      expect(detail!.model.id).toBe("devops-core");
      expect(detail!.model.areas.map((a) => a.id)).toEqual(["cicd", "observability", "incident-response", "security"]);
    });

    it("refuses an archived team and starts nothing", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      await setTeamArchived(t.ctx(org), team, true);

      await expectAppError(startAssessment(t.ctx(org), team, v2.id), "read_only", "This team is archived.");
      expect(await listAssessments(t.ctx(org), team)).toEqual([]);
    });

    it("does not find another organisation's team", async () => {
      const mine = await t.organisation();
      const theirs = await t.organisation();
      const theirTeam = await teamIn(theirs);

      await expectAppError(startAssessment(t.ctx(mine), theirTeam, v2.id), "not_found", "The team was not found.");
      expect(await listAssessments(t.ctx(theirs), theirTeam)).toEqual([]);
    });

    it("refuses a model that does not exist", async () => {
      const org = await t.organisation();
      const missing = `no-such-model-${randomUUID()}`;

      await expectAppError(startAssessment(t.ctx(org), await teamIn(org), missing), "invalid_input", `There is no model called “${missing}”.`);
    });
  });

  describe("submitAssessment", () => {
    it("refuses while questions are unanswered, saying how many", async () => {
      const org = await t.organisation();
      const id = await startAssessment(t.ctx(org), await teamIn(org), v2.id);
      await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "run-q1", answer: level(2), note: null });

      await expectAppError(submitAssessment(t.ctx(org), id), "incomplete", /^2 questions are still unanswered\./);
      await saveAnswer(t.ctx(org), { assessmentId: id, questionId: "build-q1", answer: level(2), note: null });
      await expectAppError(submitAssessment(t.ctx(org), id), "incomplete", /^1 question is still unanswered\./);
      expect((await getAssessment(t.ctx(org), id))?.status).toBe("draft");
    });

    it("submits once every question is answered, counting unsure and not applicable", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      const id = await startAssessment(t.ctx(org), team, v2.id);
      await answerAll(org, id);
      const before = Date.now();

      expect(await submitAssessment(t.ctx(org), id)).toEqual({ teamId: team });
      const detail = await getAssessment(t.ctx(org), id);
      expect(detail!.status).toBe("submitted");
      expect(detail!.submittedAt).toBeInstanceOf(Date);
      // The app sets the date (not the database clock), so it cannot be earlier than this.
      expect(detail!.submittedAt!.getTime()).toBeGreaterThanOrEqual(before);
    });

    it("refuses to submit twice", async () => {
      const org = await t.organisation();
      const id = await startAssessment(t.ctx(org), await teamIn(org), v2.id);
      await answerAll(org, id);
      await submitAssessment(t.ctx(org), id);
      const submittedAt = (await getAssessment(t.ctx(org), id))!.submittedAt;

      await expectAppError(submitAssessment(t.ctx(org), id), "read_only", "This assessment has already been submitted.");
      expect((await getAssessment(t.ctx(org), id))!.submittedAt).toEqual(submittedAt);
    });

    it("does not find another organisation's assessment", async () => {
      const theirs = await t.organisation();
      const id = await startAssessment(t.ctx(theirs), await teamIn(theirs), v2.id);
      await answerAll(theirs, id);
      const mine = await t.organisation();

      await expectAppError(submitAssessment(t.ctx(mine), id), "not_found", "The assessment was not found.");
      expect((await getAssessment(t.ctx(theirs), id))?.status).toBe("draft");
    });
  });

  describe("getAssessment", () => {
    it("returns the assessment with its answers and notes", async () => {
      const org = await t.organisation();
      const id = await startAssessment(t.ctx(org), await teamIn(org), v2.id);
      await answerAll(org, id);

      const detail = await getAssessment(t.ctx(org), id);
      const answers = [...detail!.answers].sort((a, b) => a.questionId.localeCompare(b.questionId));
      expect(answers.map((a) => [a.questionId, a.value, a.note])).toEqual([
        ["build-q1", { kind: "level", level: 3 }, null],
        ["build-q2", { kind: "unsure" }, "nobody knows"],
        ["run-q1", { kind: "not_applicable", reason: "No servers" }, null],
      ]);
      for (const a of answers) expect(a.updatedAt).toBeInstanceOf(Date);
    });

    it("says what the actor is to the assessment's team, so its pages need no other statement for it", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      const id = await startAssessment(t.ctx(org), team, v2.id);
      await answerAll(org, id);
      await submitAssessment(t.ctx(org), id);
      const inside = await t.member(org, "member");
      const outside = await t.member(org, "member", "Not in the team");
      await addTeamMember(t.ctx(org), team, inside);

      expect((await getAssessment(t.as(org, inside, "member"), id))?.scope).toEqual({ teamMember: true });
      expect((await getAssessment(t.as(org, outside, "member"), id))?.scope).toEqual({ teamMember: false });
      expect((await getAssessment(t.ctx(org), id))?.scope).toEqual({ teamMember: false });
    });

    it("returns undefined for an unknown id or another organisation's assessment", async () => {
      const theirs = await t.organisation();
      const id = await startAssessment(t.ctx(theirs), await teamIn(theirs), v2.id);
      const mine = await t.organisation();

      expect(await getAssessment(t.ctx(mine), id)).toBeUndefined();
      expect(await getAssessment(t.ctx(theirs), randomUUID())).toBeUndefined();
    });
  });

  describe("listSubmittedAssessments", () => {
    it("lists a team's submitted assessments oldest first, with their answers and models", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      const { db } = t.handle;

      const first = await startAssessment(t.ctx(org), team, v2.id);
      await answerAll(org, first);
      await submitAssessment(t.ctx(org), first);
      const second = await startAssessment(t.ctx(org), team, v2.id);
      await answerAll(org, second);
      await saveAnswer(t.ctx(org), { assessmentId: second, questionId: "build-q1", answer: level(5), note: null });
      await submitAssessment(t.ctx(org), second);
      // Order by submission, not creation: the assessment created first was submitted last.
      await db
        .update(assessments)
        .set({ submittedAt: new Date("2026-03-01T10:00:00Z") })
        .where(eq(assessments.id, first));
      await db
        .update(assessments)
        .set({ submittedAt: new Date("2026-01-15T10:00:00Z") })
        .where(eq(assessments.id, second));
      const draft = await startAssessment(t.ctx(org), team, v2.id);

      const list = await listSubmittedAssessments(t.ctx(org), team);
      expect(list.map((a) => [a.id, a.submittedAt.toISOString()])).toEqual([
        [second, "2026-01-15T10:00:00.000Z"],
        [first, "2026-03-01T10:00:00.000Z"],
      ]);
      expect(list.map((a) => a.id)).not.toContain(draft);
      expect(list[0]!.answers).toEqual(
        new Map([
          ["build-q1", { kind: "level", level: 5 }],
          ["build-q2", { kind: "unsure" }],
          ["run-q1", { kind: "not_applicable", reason: "No servers" }],
        ]),
      );
      expect(list[1]!.answers.get("build-q1")).toEqual({ kind: "level", level: 3 });
      expect(list[0]!.model.version).toBe("1.1.0");
    });

    it("lists nothing for a team without submissions or of another organisation", async () => {
      const org = await t.organisation();
      const team = await teamIn(org);
      const id = await startAssessment(t.ctx(org), team, v2.id);
      await answerAll(org, id);
      expect(await listSubmittedAssessments(t.ctx(org), team)).toEqual([]);

      await submitAssessment(t.ctx(org), id);
      const other = await t.organisation();
      expect(await listSubmittedAssessments(t.ctx(other), team)).toEqual([]);
      expect((await listSubmittedAssessments(t.ctx(org), team)).map((a) => a.id)).toEqual([id]);
    });
  });

  // Last, so that if it ever deadlocks PGlite again, only this suite's clean-up waits behind it.
  describe("after a restart", () => {
    it("checks a model version the process has not loaded yet", async () => {
      // As after a server restart. On PGlite a lookup outside the submitting transaction would wait for it forever.
      const org = await t.organisation();
      const id = await startAssessment(t.ctx(org), await teamIn(org), uncached.id);

      await expectAppError(settlesWithin(5_000, submitAssessment(t.ctx(org), id)), "incomplete", /^1 question is still unanswered\./);
    });
  });
});
