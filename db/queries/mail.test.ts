import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { passwordResetMail } from "@/lib/mail/message";
import { jobs } from "../schema";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { getOutboxMail, listOutbox, queueMail } from "./mail";

const message = (to: string) => ({ to, subject: `Hello ${to}`, text: `Text for ${to}`, html: `<p>Text for ${to}</p>` });

describe.each(drivers)("outgoing mail on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("lists an organisation's mail to its owners and admins, newest first, and nobody else's", async () => {
    const org = await t.organisation("Mail");
    const other = await t.organisation("Other");
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    const first = await queueMail({ db: t.handle.db, organisationId: org }, message("first@example.com"));
    const second = await queueMail({ db: t.handle.db, organisationId: org }, message("second@example.com"));
    const elsewhere = await queueMail({ db: t.handle.db, organisationId: other }, message("elsewhere@example.com"));
    const reset = await queueMail(
      { db: t.handle.db, organisationId: null },
      passwordResetMail({ to: "ada@example.com", name: "Ada", link: "http://x/reset-password/secret", validMinutes: 60 }),
    );
    await t.handle.db
      .update(jobs)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(jobs.id, first));

    const listed = await listOutbox(owner);
    expect(listed.map((m) => m.id)).toEqual([second, first]);
    expect(listed[0]).toMatchObject({ to: "second@example.com", subject: "Hello second@example.com", state: "queued", attempts: 0 });
    expect((await listOutbox(admin)).map((m) => m.id)).toEqual([second, first]);

    expect(await getOutboxMail(owner, first)).toMatchObject({ to: "first@example.com", text: "Text for first@example.com" });
    await expectAppError(getOutboxMail(owner, elsewhere), "not_found");
    // A password reset belongs to no organisation: no admin anywhere reads its link.
    await expectAppError(getOutboxMail(owner, reset), "not_found");
  });

  it("refuses members, facilitators and viewers", async () => {
    const org = await t.organisation("Mail");
    for (const role of ["facilitator", "member", "viewer"] as const) {
      const ctx = t.as(org, await t.member(org, role), role);
      await expectAppError(listOutbox(ctx), "forbidden");
    }
  });
});
