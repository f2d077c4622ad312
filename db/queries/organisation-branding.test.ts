import { describe, expect, it } from "vitest";
import { MAX_LOGO_BYTES } from "@/lib/logo";
import { drivers, expectAppError, useTestDatabase } from "../test-db";
import { listAuditEvents } from "./audit";
import { getBranding, getLogo, removeLogo, renameOrganisation, setLogo } from "./organisation-branding";

/** A PNG's signature and a few bytes of every value, so the stored bytes must come back exactly. */
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 256 }, (_, i) => i)]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

describe.each(drivers)("an organisation's name and logo on %s", (_driver, open) => {
  const t = useTestDatabase(open);

  it("keeps an owner's logo byte for byte and replaces it with the next, for every member to read", async () => {
    const org = await t.organisation();
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    expect((await getBranding(owner)).logo).toBeNull();
    await setLogo(owner, png);
    const viewer = t.as(org, await t.member(org, "viewer"), "viewer");
    const logo = await getLogo(viewer);
    expect(logo?.contentType).toBe("image/png");
    expect(Buffer.from(logo!.bytes).equals(Buffer.from(png))).toBe(true);
    expect((await getBranding(viewer)).logo).toMatchObject({ contentType: "image/png", size: png.length });

    await setLogo(owner, jpeg);
    expect((await getLogo(viewer))?.contentType).toBe("image/jpeg");
    await removeLogo(owner);
    expect(await getLogo(viewer)).toBeUndefined();
    expect((await listAuditEvents(owner)).map((e) => e.action)).toEqual(expect.arrayContaining(["organisation.logo_set", "organisation.logo_removed"]));
  });

  it("refuses a file of the wrong type or too big, with a message saying what to do", async () => {
    const org = await t.organisation();
    const admin = t.as(org, await t.member(org, "admin"), "admin");
    const wrong = await expectAppError(setLogo(admin, svg), "invalid_input", /not a PNG, JPEG or WebP image/);
    expect(wrong.fieldErrors?.logo).toEqual([wrong.message]);
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    await expectAppError(setLogo(admin, big), "invalid_input", /at most 200 KB/);
    await expectAppError(setLogo(admin, new Uint8Array()), "invalid_input", /Choose an image file/);
    expect(await getLogo(admin)).toBeUndefined();
  });

  it("lets only owners and admins change the logo and the name, and never another organisation's", async () => {
    const org = await t.organisation();
    const other = await t.organisation();
    const otherOwner = t.as(other, await t.member(other, "owner"), "owner");
    await setLogo(otherOwner, png);
    for (const role of ["facilitator", "member", "viewer"] as const) {
      const ctx = t.as(org, await t.member(org, role), role);
      await expectAppError(setLogo(ctx, png), "forbidden");
      await expectAppError(renameOrganisation(ctx, "Taken over"), "forbidden");
    }
    // A member of one organisation reads their own organisation's logo only: this one has none.
    const member = t.as(org, await t.member(org, "member"), "member");
    expect(await getLogo(member)).toBeUndefined();
    expect((await getBranding(member)).logo).toBeNull();
    expect(await getLogo(otherOwner)).toBeDefined();
  });

  it("renames the organisation for its reports, once in the audit log", async () => {
    const org = await t.organisation();
    const owner = t.as(org, await t.member(org, "owner"), "owner");
    await renameOrganisation(owner, "Acme Delivery Ltd");
    await renameOrganisation(owner, "Acme Delivery Ltd");
    expect((await getBranding(owner)).name).toBe("Acme Delivery Ltd");
    expect((await listAuditEvents(owner)).filter((e) => e.action === "organisation.renamed")).toHaveLength(1);
  });
});
