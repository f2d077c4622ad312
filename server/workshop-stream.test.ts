import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { startUp } from "./start-up";
import { WorkshopHub } from "./workshop-hub";
import { workshopHub } from "./workshop-stream";

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
