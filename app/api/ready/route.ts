import { databaseReachable } from "@/server/readiness";
import { route } from "@/server/route";

/**
 * Readiness: 200 once the database and models are ready and the database answers now; 503 while
 * it does not, so a load balancer stops sending traffic to an instance whose database is gone.
 */
export const GET = route("anyone", async () => {
  const driver = await databaseReachable();
  const headers = { "Cache-Control": "no-store" };
  return driver ? Response.json({ status: "ready", driver }, { headers }) : Response.json({ status: "unavailable" }, { status: 503, headers });
});
