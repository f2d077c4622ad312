import { startNginx, startPgBouncer } from "../scripts/proxy.mjs";
import { freePort } from "./own-postgres";

/** PgBouncer in transaction mode in front of the PostgreSQL at `databaseUrl`, on E2E_POOLER_PORT or a free port. */
export async function ownPooler(databaseUrl: string) {
  return startPgBouncer({ port: Number(process.env.E2E_POOLER_PORT) || (await freePort()), databaseUrl });
}

/**
 * nginx in front of `upstreams` (ports on 127.0.0.1), on E2E_PROXY_PORT or a free port, as the
 * README sets it up. A request goes to the instance its `X-Lane` header hashes to, or on to another
 * when that one is down; each response names the instance that answered in `X-Upstream`. So a test
 * can send a browser to the instance it means and see where each request went.
 */
export async function ownProxy(upstreams: number[]) {
  const port = Number(process.env.E2E_PROXY_PORT) || (await freePort());
  const nginx = await startNginx({ port, upstreams, balance: "hash $http_x_lane consistent;", extra: "add_header X-Upstream $upstream_addr always;" });
  return { baseURL: `http://localhost:${port}`, remove: nginx.remove };
}
