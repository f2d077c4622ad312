import { route } from "@/server/route";

/** Liveness, for load balancers and orchestrators: this process is up and serving. It does not touch the database. */
export const GET = route("anyone", async () => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }));
