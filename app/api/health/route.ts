import { boot } from "@/server/boot";

/** For load balancers and test runners: 200 once the database and models are ready. */
export async function GET() {
  try {
    const { driver } = await boot();
    return Response.json({ status: "ok", driver });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
