import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { jobs, sessions, users, verifications } from "@/db/schema";
import { drivers, useTestDatabase } from "@/db/test-db";
import { getAuth } from "./auth";
import { callAuth, RESET_LINK_REFUSED } from "./auth-errors";

const smtp = vi.hoisted(() => ({ configured: true }));
vi.mock("./mail", () => ({ mailer: () => ({ configured: smtp.configured, send: async () => "Sent" }) }));

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a new staircase of words";

describe.each(drivers)("password reset through the auth library on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  async function account() {
    const auth = await getAuth();
    const email = `reset-${randomUUID()}@test.example`;
    const { user } = await auth.api.signUpEmail({ body: { name: "Ada", email, password: PASSWORD } });
    // A shared PostgreSQL outlives the run: the account and its mail go again.
    onTestFinished(async () => {
      await t.handle.db.delete(jobs).where(sql`${jobs.payload}->>'to' = ${email}`);
      await t.handle.db.delete(users).where(eq(users.id, user.id));
    });
    return { auth, email, userId: user.id };
  }

  /** The link of the reset mail queued for `email`, as the recipient reads it. */
  async function mailedLink(email: string): Promise<string> {
    const [job] = await t.handle.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(and(eq(jobs.kind, "mail"), sql`${jobs.payload}->>'to' = ${email}`));
    const { text } = job!.payload as { text: string };
    return /\/reset-password\/([\w-]+)/.exec(text)![1]!;
  }

  const canSignIn = async (email: string, password: string) => {
    const auth = await getAuth();
    return auth.api.signInEmail({ body: { email, password } }).then(
      () => true,
      () => false,
    );
  };

  it("queues a mail of no organisation whose link sets the password once and ends every session", async () => {
    const { auth, email, userId } = await account();
    await auth.api.signInEmail({ body: { email, password: PASSWORD } });
    expect((await t.handle.db.select().from(sessions).where(eq(sessions.userId, userId))).length).toBeGreaterThan(0);

    await auth.api.requestPasswordReset({ body: { email } });
    const [job] = await t.handle.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->>'to' = ${email}`);
    expect(job).toMatchObject({ kind: "mail", organisationId: null, state: "queued" });
    const token = await mailedLink(email);

    await callAuth("reset-password", () => auth.api.resetPassword({ body: { token, newPassword: NEW_PASSWORD } }));
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    expect(await canSignIn(email, PASSWORD)).toBe(false);
    expect(await canSignIn(email, NEW_PASSWORD)).toBe(true);

    await expect(callAuth("reset-password", () => auth.api.resetPassword({ body: { token, newPassword: "yet another long one" } }))).rejects.toThrow(
      RESET_LINK_REFUSED,
    );
    expect(await canSignIn(email, NEW_PASSWORD)).toBe(true);
  });

  it("refuses a link after its hour, changing nothing", async () => {
    const { auth, email } = await account();
    await auth.api.requestPasswordReset({ body: { email } });
    const token = await mailedLink(email);
    const [row] = await t.handle.db
      .select({ expiresAt: verifications.expiresAt })
      .from(verifications)
      .where(eq(verifications.identifier, `reset-password:${token}`));
    const minutes = (row!.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);

    await t.handle.db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verifications.identifier, `reset-password:${token}`));
    await expect(callAuth("reset-password", () => auth.api.resetPassword({ body: { token, newPassword: NEW_PASSWORD } }))).rejects.toThrow(RESET_LINK_REFUSED);
    expect(await canSignIn(email, PASSWORD)).toBe(true);
  });

  it("queues nothing for an address without an account, nor without an SMTP server", async () => {
    const auth = await getAuth();
    const stranger = `stranger-${randomUUID()}@test.example`;
    await expect(auth.api.requestPasswordReset({ body: { email: stranger } })).resolves.toMatchObject({ status: true });
    expect(
      await t.handle.db
        .select()
        .from(jobs)
        .where(sql`${jobs.payload}->>'to' = ${stranger}`),
    ).toEqual([]);

    const { email } = await account();
    smtp.configured = false;
    try {
      await auth.api.requestPasswordReset({ body: { email } });
    } finally {
      smtp.configured = true;
    }
    expect(
      await t.handle.db
        .select()
        .from(jobs)
        .where(sql`${jobs.payload}->>'to' = ${email}`),
    ).toEqual([]);
  });
});
