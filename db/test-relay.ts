import net from "node:net";

/**
 * A TCP relay to the PostgreSQL at `target`, for tests: it can be cut and restored (a database
 * going away and coming back), and it counts the connections made through it.
 */
export function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const counted = { connections: 0 };
  const start = (port = 0) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        counted.connections++;
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve((server!.address() as net.AddressInfo).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      const running = server;
      server = undefined;
      if (running) running.close(() => resolve());
      else resolve();
    });
  /** `target` with its host and port replaced by the relay's. */
  const url = (port: number) => {
    const through = new URL(target);
    through.hostname = "127.0.0.1";
    through.port = String(port);
    return through.toString();
  };
  return { start, stop, url, counted };
}
