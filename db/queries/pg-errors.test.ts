import { createServer } from "node:net";
import { drizzle } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { asAppError, isDatabaseUnreachable, isUniqueViolation } from "./pg-errors";

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What a query through drizzle and pg throws when `url`'s server is out of reach. */
async function queryError(url: string, connectionTimeoutMillis = 2_000): Promise<unknown> {
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis });
  try {
    await drizzle({ client: pool }).execute(sql`select 1`);
    throw new Error("The query should have failed.");
  } catch (error) {
    return error;
  } finally {
    await pool.end();
  }
}

describe("isDatabaseUnreachable", () => {
  it("recognises a refused connection as drizzle and pg report it", async () => {
    const error = await queryError(`postgresql://stave:stave@127.0.0.1:${await closedPort()}/stave`);
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it("recognises the pool giving up waiting for a connection", async () => {
    // A server that accepts the connection and never answers it.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const error = await queryError(`postgresql://stave:stave@127.0.0.1:${(silent.address() as { port: number }).port}/stave`, 200);
      expect(isDatabaseUnreachable(error)).toBe(true);
    } finally {
      silent.close();
    }
  });

  it("recognises PostgreSQL shutting down, starting up or out of connections, however deep the cause", () => {
    for (const code of ["57P01", "57P03", "53300", "08006"]) {
      expect(isDatabaseUnreachable(new Error("Failed query", { cause: Object.assign(new Error("terminating"), { code }) }))).toBe(true);
    }
    expect(isDatabaseUnreachable(new AggregateError([Object.assign(new Error("refused"), { code: "ECONNREFUSED" })]))).toBe(true);
    expect(isDatabaseUnreachable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("leaves a statement's own failure alone", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnreachable(new Error('relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
  });
});

describe("asAppError", () => {
  it("turns an unreachable database into AppError unavailable and passes everything else on as it is", () => {
    const mapped = asAppError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: "unavailable" });
    const other = new Error("bug");
    expect(asAppError(other)).toBe(other);
    const typed = new AppError("not_found", "Gone.");
    expect(asAppError(typed)).toBe(typed);
  });
});

describe("isUniqueViolation", () => {
  it("finds 23505 through wrapping causes", () => {
    expect(isUniqueViolation(new Error("Failed query", { cause: Object.assign(new Error("dup"), { code: "23505" }) }))).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });
});
