import { describe, expect, it } from "vitest";
import { buildSettings } from "./build-settings";

describe("buildSettings", () => {
  it("lets Next.js make up a build id when none is given", () => {
    expect(buildSettings({})).toEqual({ buildId: null });
    expect(buildSettings({ STAVE_BUILD_ID: "  " })).toEqual({ buildId: null });
  });

  it("uses the given build id, such as a commit", () => {
    expect(buildSettings({ STAVE_BUILD_ID: "3acddf1" })).toEqual({ buildId: "3acddf1" });
    expect(buildSettings({ STAVE_BUILD_ID: " v1.2.0_rc-1 " })).toEqual({ buildId: "v1.2.0_rc-1" });
  });

  it("refuses a build id that is not safe in a path", () => {
    expect(() => buildSettings({ STAVE_BUILD_ID: "../x" })).toThrow(/STAVE_BUILD_ID/);
    expect(() => buildSettings({ STAVE_BUILD_ID: "a".repeat(65) })).toThrow(/STAVE_BUILD_ID/);
  });

  it("accepts an encryption key of an AES length and refuses any other", () => {
    for (const bytes of [16, 24, 32]) {
      expect(() => buildSettings({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(bytes, 7).toString("base64") })).not.toThrow();
    }
    for (const key of [Buffer.alloc(20, 7).toString("base64"), "not base64!", "secret"]) {
      expect(() => buildSettings({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key })).toThrow(/openssl rand -base64 32/);
    }
  });
});
