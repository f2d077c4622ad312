import "server-only";
import { sql } from "drizzle-orm";
import type { Driver } from "@/db/client";
import { startUp } from "./start-up";

const TIMEOUT_MS = 2_000;

/** The driver when the database answers a trivial query within two seconds; undefined when it does not. */
export async function databaseReachable(timeoutMs = TIMEOUT_MS): Promise<Driver | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  const check = (async () => {
    const { db, driver } = await startUp();
    await db.execute(sql`select 1`);
    return driver;
  })().catch(() => undefined);
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
