import { describe, expect, it } from "vitest";
import { openDb } from "../client";
import { organisations } from "../schema";
import { useTestDatabase } from "../test-db";
import { createFirstOrganisation, getFirstOrganisation } from "./organisations";

// Only on a fresh PGlite: "first organisation" means the whole database, and a shared
// PostgreSQL already holds other tests' organisations.
describe("createFirstOrganisation on pglite", () => {
  const t = useTestDatabase(() => openDb({ memory: true }));

  it("creates the first organisation, then refuses to create another", async () => {
    expect(await getFirstOrganisation()).toBeUndefined();

    const created = await createFirstOrganisation("Acme");
    expect(created).toEqual({ id: expect.any(String), name: "Acme" });
    expect(await getFirstOrganisation()).toEqual(created);

    expect(await createFirstOrganisation("Second")).toBeUndefined();
    expect(await t.handle.db.$count(organisations)).toBe(1);
  });
});
