import { Client } from "pg";

/**
 * One connection that LISTENs for every channel anyone asked for, opened on first use, kept alive
 * by TCP keep-alive. When it is lost (a restart, a failover) it is opened again and listens again;
 * what was notified meanwhile is missed, so every listener then hears an empty payload, meaning
 * "anything may have changed": reload what you show.
 */
export function postgresListener(connectionString: string) {
  const subscribers = new Map<string, Set<(payload: string) => void>>();
  let connection: Promise<Client> | undefined;
  let closed = false;

  let lost = false;
  function connect(): Promise<Client> {
    if (connection) return connection;
    const attempt: Promise<Client> = (async () => {
      const client = new Client({ connectionString, keepAlive: true });
      client.on("notification", (message) => {
        for (const callback of subscribers.get(message.channel) ?? []) callback(message.payload ?? "");
      });
      client.on("error", (error) => {
        console.error(`PostgreSQL listening connection lost: ${error.message}`);
        // Only this connection's own failure clears it (not a newer one's).
        if (connection === attempt) connection = undefined;
        lost = true;
        client.end().catch(() => {});
        if (!closed) setTimeout(() => void reconnect(), 500);
      });
      await client.connect();
      for (const channel of subscribers.keys()) await client.query(`listen ${quoteIdentifier(channel)}`);
      if (lost) {
        lost = false;
        for (const callbacks of subscribers.values()) for (const callback of callbacks) callback("");
      }
      return client;
    })();
    connection = attempt;
    attempt.catch(() => {
      if (connection === attempt) connection = undefined;
    });
    return attempt;
  }

  async function reconnect() {
    if (closed || subscribers.size === 0) return;
    try {
      await connect();
    } catch {
      setTimeout(() => void reconnect(), 1000);
    }
  }

  return {
    async listen(channel: string, onPayload: (payload: string) => void) {
      let set = subscribers.get(channel);
      const first = !set;
      if (!set) subscribers.set(channel, (set = new Set()));
      set.add(onPayload);
      const client = await connect();
      if (first) await client.query(`listen ${quoteIdentifier(channel)}`);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && subscribers.get(channel) === set) {
          subscribers.delete(channel);
          await (await connection)?.query(`unlisten ${quoteIdentifier(channel)}`).catch(() => {});
        }
      };
    },
    async close() {
      closed = true;
      const client = await connection?.catch(() => undefined);
      await client?.end().catch(() => {});
    },
  };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
