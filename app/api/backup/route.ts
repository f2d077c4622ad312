import { isBackupKey } from "@/db/backup";
import { notFoundError } from "@/lib/errors";
import { route } from "@/server/route";
import { backupEndpoint, startUp } from "@/server/start-up";

/**
 * A backup of the embedded database while Stave runs, for `npm run backup` on this machine only:
 * it presents the key this server left in its data folder. Anyone else finds nothing here.
 */
export const POST = route("anyone", async (request) => {
  const presented = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
  const handle = await startUp();
  if (!handle.backup || !isBackupKey(backupEndpoint(), presented)) throw notFoundError("This page");
  const backup = await handle.backup();
  return new Response(backup, { headers: { "Content-Type": "application/gzip", "Cache-Control": "no-store" } });
});
