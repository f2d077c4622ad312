import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import type { Ctx } from "../context";
import { auditEvents } from "../schema";
import { drivers, expectAppError, useTestDatabase, withContentId } from "../test-db";
import { teamScopes, teamsPermitting } from "./access";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { getAssessment, listAssessments } from "./visible-assessments";
import { listAuditEvents } from "./audit";
import { listMembers } from "./members";
import { syncModelVersions } from "./model-versions";
import { addTeamMember, removeTeamMember } from "./team-members";
import { createTeam } from "./teams";

const [model] = withContentId("access-test", [testModel({ areas: [{ id: "build", questions: 1 }] })]) as [Model];
const TEAM_ONLY = "You can only answer assessments of the teams you belong to.";

describe.each(drivers)("authorisation inside the data functions on %s", (_driver, open) => {
  const t = useTestDatabase(open, async () => {
    await syncModelVersions(t.handle.db, [model]);
  });

  /** An organisation with a team, a member of it, a member of no team, a viewer and a facilitator. */
  async function cast() {
    const org = await t.organisation();
    const team = await createTeam(t.ctx(org), "Payments");
    const ids = {
      inTeam: await t.member(org, "member", "In Team"),
      elsewhere: await t.member(org, "member", "Elsewhere"),
      viewer: await t.member(org, "viewer"),
      facilitator: await t.member(org, "facilitator"),
    };
    await addTeamMember(t.ctx(org), team.id, ids.inTeam);
    return {
      org,
      team,
      as: {
        inTeam: t.as(org, ids.inTeam, "member"),
        elsewhere: t.as(org, ids.elsewhere, "member"),
        viewer: t.as(org, ids.viewer, "viewer"),
        facilitator: t.as(org, ids.facilitator, "facilitator"),
      } satisfies Record<string, Ctx>,
      ids,
    };
  }

  it("lets a member start, answer and submit only for their own team, deciding inside each write", async () => {
    const { org, team, as, ids } = await cast();

    await expectAppError(startAssessment(as.elsewhere, team.id, model.id), "forbidden", TEAM_ONLY);
    await expectAppError(startAssessment(as.viewer, team.id, model.id), "forbidden", TEAM_ONLY);
    const draft = await startAssessment(as.inTeam, team.id, model.id);
    const answer = { assessmentId: draft, questionId: "build-q1", answer: level(3), note: null };

    await expectAppError(saveAnswer(as.elsewhere, answer), "forbidden", TEAM_ONLY);
    await expectAppError(saveAnswer(as.viewer, answer), "forbidden", TEAM_ONLY);
    expect(await saveAnswer(as.inTeam, answer)).toBeInstanceOf(Date);
    expect(await saveAnswer(as.facilitator, answer)).toBeInstanceOf(Date);

    // Taken out of the team, the very next save is refused: the statement that writes checks it.
    await removeTeamMember(t.ctx(org), team.id, ids.inTeam);
    await expectAppError(saveAnswer(as.inTeam, answer), "forbidden", TEAM_ONLY);
    await expectAppError(submitAssessment(as.inTeam, draft), "forbidden", TEAM_ONLY);
    await submitAssessment(as.facilitator, draft);
  });

  it("never shows a draft outside its team, to lists or to a direct lookup", async () => {
    const { team, as } = await cast();
    const draft = await startAssessment(as.inTeam, team.id, model.id);

    expect((await listAssessments(as.inTeam, team.id)).map((a) => a.id)).toEqual([draft]);
    expect((await listAssessments(as.facilitator, team.id)).map((a) => a.id)).toEqual([draft]);
    expect(await listAssessments(as.elsewhere, team.id)).toEqual([]);
    expect(await listAssessments(as.viewer, team.id)).toEqual([]);
    expect(await getAssessment(as.viewer, draft)).toBeUndefined();
    expect(await getAssessment(as.elsewhere, draft)).toBeUndefined();
    expect((await getAssessment(as.inTeam, draft))?.id).toBe(draft);

    await saveAnswer(as.inTeam, { assessmentId: draft, questionId: "build-q1", answer: level(2), note: null });
    await submitAssessment(as.inTeam, draft);
    expect((await getAssessment(as.viewer, draft))?.status).toBe("submitted");
  });

  it("refuses role-only reads and writes to those without the role", async () => {
    const { team, as, ids } = await cast();
    await expectAppError(listMembers(as.facilitator), "forbidden", "Only owners and admins can manage members and invitations.");
    await expectAppError(listAuditEvents(as.viewer), "forbidden", "Only owners and admins can read the audit log.");
    await expectAppError(addTeamMember(as.facilitator, team.id, ids.elsewhere), "forbidden", "Only owners and admins can change teams.");
    await expectAppError(createTeam(as.inTeam, "Mine now"), "forbidden");
  });

  it("answers which of many teams an actor may touch in one query", async () => {
    const { org, team, as } = await cast();
    const others = await Promise.all(Array.from({ length: 30 }, (_, i) => createTeam(t.ctx(org), `Team ${i}`)));
    const ids = [team.id, ...others.map((o) => o.id)];

    let selects = 0;
    const counting: Ctx = {
      ...as.inTeam,
      db: new Proxy(as.inTeam.db, {
        get(target, key, receiver) {
          if (key === "select") selects++;
          return Reflect.get(target, key, receiver);
        },
      }),
    };
    const scopes = await teamScopes(counting, ids);
    expect(selects).toBe(1);
    expect([...scopes.entries()].filter(([, s]) => s.teamMember).map(([id]) => id)).toEqual([team.id]);
    expect([...(await teamsPermitting(as.inTeam, "assessments.edit", ids))]).toEqual([team.id]);
    expect((await teamsPermitting(as.facilitator, "assessments.edit", ids)).size).toBe(ids.length);
    expect((await teamsPermitting(as.viewer, "drafts.read", ids)).size).toBe(0);
  });

  it("cannot record an audit row without an actor", async () => {
    const org = await t.organisation();
    const insert = (columns: string, values: string) =>
      t.handle.db.execute(sql.raw(`insert into ${"audit_events"} (organisation_id, action, summary${columns}) values ('${org}', 'test.x', 'X'${values})`));
    await expect(insert("", "")).rejects.toThrow();
    await expect(insert(", actor_kind", ", 'system'")).rejects.toThrow();
    await expect(insert(", actor_kind, actor_label", ", 'nobody', 'x'")).rejects.toThrow();
    await insert(", actor_kind, actor_label", ", 'system', 'test'");
    expect(await t.handle.db.$count(auditEvents, sql`${auditEvents.organisationId} = ${org}`)).toBe(1);
  });
});
