import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Model } from "@/lib/model/schema";
import { level, testModel } from "@/lib/test-models";
import { organisations } from "../schema";
import { drivers, useTestDatabase, withContentId } from "../test-db";
import { saveAnswer } from "./answers";
import { startAssessment, submitAssessment } from "./assessments";
import { createGroup, setTeamGroup } from "./groups";
import { getOutboxMail, listOutbox } from "./mail";
import { syncModelVersions } from "./model-versions";
import { setNotificationChoices } from "./notification-choices";
import { links } from "./reminder-test-team";
import { createTeam } from "./teams";
import { sweepWeakestDigest } from "./weakest-digest";

const [model] = withContentId("digest-test", [
  testModel({
    name: "Digest test model",
    areas: [
      { id: "build", name: "Build", questions: 1 },
      { id: "run", name: "Run", questions: 1 },
    ],
  }),
]) as [Model];

describe.each(drivers)("the leadership digest on %s", (_driver, open) => {
  const t = useTestDatabase(open, async (handle) => {
    await syncModelVersions(handle.db, [model]);
  });

  /** Acme: two teams in Platform (too few for a viewer to see its figures), two in no group, and people of every role. */
  async function acme() {
    const org = await t.organisation("Acme");
    const owner = t.as(org, await t.member(org, "owner", "Olivia"), "owner");
    const people = {
      admin: await t.member(org, "admin", "Ada"),
      viewer: await t.member(org, "viewer", "Vic"),
      quiet: await t.member(org, "viewer", "Quinn"),
      member: await t.member(org, "member", "Mo"),
    };
    await setNotificationChoices(t.handle.db, people.quiet, { "weakest-digest": false });
    const platform = await createGroup(owner, { name: "Platform", parentId: null });
    const teams: string[] = [];
    for (const name of ["Payments", "Search", "Checkout", "Ledger"]) {
      const team = await createTeam(owner, name);
      if (teams.length < 2) await setTeamGroup(owner, team.id, platform.id);
      teams.push(team.id);
    }
    const assess = async (teamId: string, build: number, run: number, day: string) => {
      const id = await startAssessment(owner, teamId, model.id);
      await saveAnswer(owner, { assessmentId: id, questionId: "build-q1", answer: level(build), note: null });
      await saveAnswer(owner, { assessmentId: id, questionId: "run-q1", answer: level(run), note: null });
      await submitAssessment(owner, id, { submittedAt: new Date(`${day}T09:00:00Z`) });
    };
    const [{ name }] = (await t.handle.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, org))) as [{ name: string }];
    return { org, name, owner, people, teams, platform, assess };
  }

  it("tells owners, admins and viewers once when the most common weakest stave changes, each only what the dashboard shows them", async () => {
    const { org, name, owner, people, teams, assess } = await acme();
    const sweep = (at: string) => sweepWeakestDigest(t.handle.db, links, new Date(at), { organisationId: org });
    for (const team of teams) await assess(team, 3, 1, "2026-11-02");

    // The first sweep only sees where things stand: nothing to compare with yet.
    expect(await sweep("2026-11-03T10:00:00Z")).toBe(0);
    expect(await sweep("2026-11-03T11:00:00Z")).toBe(0);

    // Three teams of four now have Build as their weakest stave, both of Platform's among them.
    for (const team of teams.slice(0, 3)) await assess(team, 1, 3, "2026-11-09");
    expect(await sweep("2026-11-10T10:00:00Z")).toBe(3);
    expect(await sweep("2026-11-10T11:00:00Z")).toBe(0);

    const outbox = await listOutbox(owner);
    const ownerId = owner.actor.kind === "member" ? owner.actor.userId : "";
    expect(outbox.map((m) => `${m.to} ${m.subject}`).toSorted()).toEqual(
      [
        `${ownerId}@test.example ${name}: the most common weakest stave changed in 2 places`,
        `${people.admin}@test.example ${name}: the most common weakest stave changed in 2 places`,
        `${people.viewer}@test.example ${name}: the most common weakest stave is now Build`,
      ].toSorted(),
    );
    const toOwner = await getOutboxMail(owner, outbox.find((m) => m.to.startsWith(ownerId))!.id);
    expect(toOwner.text).toContain(`${name} (Digest test model): now Build, the weakest stave of 3 of 4 teams; it was Run.`);
    expect(toOwner.text).toContain("Platform (Digest test model): now Build, the weakest stave of 2 of 2 teams; it was Run.");
    expect(toOwner.text).toContain(`https://stave.example/dashboard?model=${model.id}`);
    expect(toOwner.text).toContain(`To stop these messages: https://stave.example/unsubscribe/${ownerId}.weakest-digest`);
    const toViewer = await getOutboxMail(owner, outbox.find((m) => m.to.startsWith(people.viewer))!.id);
    expect(toViewer.text).not.toContain("Platform");
  });

  it("counts a tie as a change, and tells it once however many sweeps run at once", async () => {
    const { org, name, owner, teams, assess } = await acme();
    const sweep = () => sweepWeakestDigest(t.handle.db, links, new Date("2026-11-20T10:00:00Z"), { organisationId: org });
    for (const team of teams) await assess(team, 3, 1, "2026-11-02");
    expect(await sweep()).toBe(0);
    for (const team of teams.slice(2)) await assess(team, 1, 3, "2026-11-19");
    const told = await Promise.all([sweep(), sweep(), sweep()]);
    expect(told.toSorted()).toEqual([0, 0, 3]);
    const mail = await getOutboxMail(owner, (await listOutbox(owner)).find((m) => m.subject.includes("is now"))!.id);
    expect(mail.subject).toBe(`${name}: the most common weakest stave is now Build and Run (tied)`);
    expect(mail.text).toContain("now Build and Run (tied), the weakest stave of 2 of 4 teams; it was Run.");
  });
});
