import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

// A webhook endpoint for tests on loopback: it keeps every webhook (a POST with a webhook-id),
// verifies its signature with the Standard Webhooks project's own library (independent of Stave's
// signer) when given the secret, and answers with the status the test sets. Anything else that
// reaches its port (another test's poll of a port it was told was free) is kept apart, as a stray.

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; verified: boolean | undefined };

export async function startWebhookReceiver() {
  const received: Received[] = [];
  const strays: string[] = [];
  let secrets: string[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || !req.headers["webhook-id"]) {
        strays.push(`${req.method} ${req.url}`);
        return void res.writeHead(404).end();
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const verified =
        secrets.length === 0
          ? undefined
          : secrets.some((s) => {
              try {
                new Webhook(s).verify(body, headers);
                return true;
              } catch {
                return false;
              }
            });
      received.push({ path: req.url ?? "/", headers: req.headers, body, verified });
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    host: `127.0.0.1:${port}`,
    received,
    strays,
    /** The secrets a delivery must be signed with (any one of them). */
    trust: (...list: string[]) => void (secrets = list),
    answer: (next: number) => void (status = next),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
