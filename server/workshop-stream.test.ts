import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { testWorkshopRows as rows } from "@/lib/workshop/test-rows";
import type { WorkshopRows } from "@/lib/workshop/view";
import { startUp } from "./start-up";
import { WorkshopHub } from "./workshop-hub";
import { HEARTBEAT_MS, workshopEvents, workshopHub } from "./workshop-stream";

vi.mock("./start-up", () => ({ startUp: vi.fn() }));

const databaseDown = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const handle = { db: {}, listen: async () => async () => {} } as unknown as DbHandle;

describe("workshopHub", () => {
  beforeEach(() => {
    delete (globalThis as { __staveWorkshopHub?: unknown }).__staveWorkshopHub;
    vi.mocked(startUp).mockReset();
  });

  it("recovers once the database is back after a first start that failed", async () => {
    vi.mocked(startUp).mockRejectedValueOnce(databaseDown()).mockResolvedValue(handle);
    await expect(workshopHub()).rejects.toThrow(/ECONNREFUSED/);
    const hub = await workshopHub();
    expect(hub).toBeInstanceOf(WorkshopHub);
    expect(startUp).toHaveBeenCalledTimes(2);
  });

  it("starts once for every stream once it has started", async () => {
    vi.mocked(startUp).mockResolvedValue(handle);
    const [first, second] = await Promise.all([workshopHub(), workshopHub()]);
    expect(first).toBe(second);
    expect(await workshopHub()).toBe(first);
    expect(startUp).toHaveBeenCalledTimes(1);
  });
});

/** A stream over a hub whose changes the test makes, read as text. */
async function openStream() {
  let onRows: (rows: WorkshopRows) => void = () => {};
  const unwatch = vi.fn();
  const hub = {
    watch: async (_organisationId: string, _workshopId: string, watcher: (rows: WorkshopRows) => void) => {
      onRows = watcher;
      return unwatch;
    },
  };
  const response = await workshopEvents(
    new Request("http://localhost/api/workshop/events"),
    { organisationId: "o", workshopId: "w", audience: "participant", participantId: "p1" },
    hub,
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const read = async () => {
    const chunk = await reader.read();
    return chunk.done ? null : decoder.decode(chunk.value);
  };
  // The hub is asked in the same turn as the retry is sent, so changes reach the stream from here on.
  expect(await read()).toBe("retry: 1000\n\n");
  return { change: (rows: WorkshopRows) => onRows(rows), read, unwatch };
}

describe("workshopEvents", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("beats every few seconds as an event a page can hear, with the server's clock", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(new Date("2026-12-02T10:00:00Z"));
    const stream = await openStream();
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(await stream.read()).toBe(`event: beat\ndata: ${Date.parse("2026-12-02T10:00:05Z")}\n\n`);
    expect(HEARTBEAT_MS).toBeLessThanOrEqual(5_000);
  });

  it("sends every change, and closes once it has sent the workshop's end", async () => {
    const stream = await openStream();
    stream.change(rows());
    expect(await stream.read()).toMatch(/^event: view\ndata: \{.*"status":"open"/);
    stream.change(rows({ status: "ended" }));
    expect(await stream.read()).toMatch(/^event: view\ndata: \{.*"status":"ended"/);
    expect(await stream.read()).toBeNull();
    expect(stream.unwatch).toHaveBeenCalled();
  });
});
