import "server-only";
import type { DbHandle } from "@/db/client";
import { JOBS_CHANNEL, runDueJobs, type JobHandlers } from "@/db/queries/jobs";

/** Due retries and jobs whose lease ran out are found by this poll; new jobs wake the runner at once. */
const POLL_MS = 30_000;

export type JobRunner = { wake: () => void; stop: () => Promise<void> };

/**
 * Runs this instance's share of the jobs: whenever any instance queues one (a notification on the
 * jobs channel) and every half minute. One pass at a time; a wake during a pass runs another after
 * it. A database that cannot be reached is said once per pass and tried again at the next wake.
 */
export async function startJobRunner(handle: Pick<DbHandle, "db" | "listen">, handlers: JobHandlers, pollMs = POLL_MS): Promise<JobRunner> {
  const logged = withFailuresLogged(handlers);
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const pass = async () => {
    do {
      again = false;
      try {
        await runDueJobs(handle.db, logged);
      } catch (error) {
        console.error(`Background jobs could not run: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (again && !stopped);
  };

  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass().finally(() => (running = undefined));
  };

  const stopListening = await handle.listen(JOBS_CHANNEL, wake);
  const poll = setInterval(wake, pollMs);
  poll.unref();
  wake();
  return {
    wake,
    stop: async () => {
      stopped = true;
      clearInterval(poll);
      await stopListening();
      await running;
    },
  };
}

/**
 * Each failed attempt said in the server's log too, for whoever runs Stave: mail of no
 * organisation (a password reset) has no outgoing-mail page an admin could read it on.
 */
function withFailuresLogged(handlers: JobHandlers): JobHandlers {
  const logged = {} as JobHandlers;
  for (const kind of Object.keys(handlers) as (keyof JobHandlers)[]) {
    logged[kind] = async (payload) => {
      try {
        return await handlers[kind](payload);
      } catch (error) {
        console.warn(`A ${kind} job failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
    };
  }
  return logged;
}
