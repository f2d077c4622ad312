import { createHash, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { Model } from "@/lib/model/schema";
import { systemActor, type Actor } from "@/lib/actor";
import type { Role } from "@/lib/permissions";
import { openDb, useDbHandle, type DbHandle, type Driver } from "./client";
import type { Ctx } from "./context";
import { backfillScores } from "./score-rows";
import { members, organisations, users } from "./schema";

/**
 * Test helpers for data-access tests. Suites run on a fresh in-memory PGlite, or on the PostgreSQL
 * named by DATABASE_URL. That database is shared and outlives the run, so each test creates its
 * own organisation and looks only at it.
 */
const { DATABASE_URL } = env();

// With DATABASE_URL set the suite runs on that PostgreSQL; otherwise on a fresh in-memory PGlite.
export const drivers: [Driver, () => Promise<DbHandle>][] = DATABASE_URL
  ? [["postgres", () => started(openDb({ databaseUrl: DATABASE_URL, poolSize: 4 }))]]
  : [["pglite", () => started(openDb({ memory: true }))]];

/** The database as start-up leaves it: with every submitted assessment's score stored. */
async function started(opening: Promise<DbHandle>): Promise<DbHandle> {
  const handle = await opening;
  try {
    await backfillScores(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export type TestDatabase = {
  readonly handle: DbHandle;
  /** A new organisation, removed again (with everything in it) after the suite. */
  organisation(label?: string): Promise<string>;
  /** A new user account (no password), removed again after the suite. */
  user(label?: string): Promise<string>;
  /** A new user (see `user`) who belongs to the organisation with the given role; returns the user's id. */
  member(organisationId: string, role?: Role, label?: string): Promise<string>;
  /** The context data functions take, for the organisation: as Stave itself unless an actor is given. */
  ctx(organisationId: string, actor?: Actor): Ctx;
  /** The context of a member of the organisation (see `member`) with that role. */
  as(organisationId: string, userId: string, role: Role): Ctx;
};

/**
 * Opens the database before the suite, makes it the one the queries use, and closes it after.
 * Call inside a `describe`; `setup` runs once the handle is in place (e.g. to sync models).
 */
export function useTestDatabase(open: () => Promise<DbHandle>, setup?: (handle: DbHandle) => Promise<void>): TestDatabase {
  let handle: DbHandle | undefined;
  const created: string[] = [];
  const createdUsers: string[] = [];

  beforeAll(async () => {
    handle = await open();
    useDbHandle(handle);
    await setup?.(handle);
  });

  afterAll(async () => {
    if (!handle) return;
    try {
      // A shared PostgreSQL outlives the run; an in-memory PGlite goes away with its handle.
      if (handle.driver === "postgres" && created.length > 0) await handle.db.delete(organisations).where(inArray(organisations.id, created));
      if (handle.driver === "postgres" && createdUsers.length > 0) await handle.db.delete(users).where(inArray(users.id, createdUsers));
    } finally {
      await handle.close();
    }
  });

  async function user(label = "Test user") {
    if (!handle) throw new Error("the test database is not open yet");
    const id = randomUUID();
    await handle.db.insert(users).values({ id, name: label, email: `${id}@test.example` });
    createdUsers.push(id);
    return id;
  }

  return {
    get handle() {
      if (!handle) throw new Error("the test database is not open yet");
      return handle;
    },
    async organisation(label = "Test organisation") {
      if (!handle) throw new Error("the test database is not open yet");
      const [row] = await handle.db
        .insert(organisations)
        .values({ name: `${label} ${randomUUID()}` })
        .returning({ id: organisations.id });
      created.push(row!.id);
      return row!.id;
    },
    user,
    async member(organisationId, role = "member", label = "Test member") {
      const userId = await user(label);
      await handle!.db.insert(members).values({ organisationId, userId, role });
      return userId;
    },
    ctx(organisationId, actor = systemActor("test")) {
      if (!handle) throw new Error("the test database is not open yet");
      return { organisationId, actor, db: handle.db };
    },
    as(organisationId, userId, role) {
      return this.ctx(organisationId, { kind: "member", userId, role });
    },
  };
}

/**
 * Gives test models an id derived from their content, so a shared PostgreSQL that still holds an
 * older definition under the same id and version cannot serve a stale model to the tests.
 */
export function withContentId(base: string, models: readonly Model[]): Model[] {
  const hash = createHash("sha256").update(JSON.stringify(models)).digest("hex").slice(0, 10);
  return models.map((m) => ({ ...m, id: `${base}-${hash}` }));
}

/** Awaits a promise that must reject with an AppError of the given code (and message). */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode, message?: string | RegExp): Promise<AppError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected an AppError "${code}", but it resolved with ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message !== undefined) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}

/** Fails (instead of hanging the run) when a promise does not settle in time, e.g. on a deadlock. */
export function settlesWithin<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
