import { describe, expect, it } from "vitest";
import { groupsOf, roleAfterSignIn, roleForGroups } from "./mapping";

describe("single sign-on role mapping", () => {
  const mapping = [
    { group: "stave-admins", role: "admin" as const },
    { group: "coaches", role: "facilitator" as const },
    { group: "auditors", role: "viewer" as const },
  ];

  it("gives the mapped role, the strongest of several, and the default when no group matches", () => {
    expect(roleForGroups(["stave-admins"], mapping)).toBe("admin");
    expect(roleForGroups(["auditors", "coaches"], mapping)).toBe("facilitator");
    expect(roleForGroups(["staff"], mapping)).toBe("member");
    expect(roleForGroups([], mapping, "viewer")).toBe("viewer");
    expect(roleForGroups(["Stave-Admins"], mapping)).toBe("member");
  });

  it("reads the groups claim as an array, a single string or a list, and ignores anything else", () => {
    expect(groupsOf({ groups: ["a", "b", 3, ""] }, "groups")).toEqual(["a", "b"]);
    expect(groupsOf({ roles: "a b,c" }, "roles")).toEqual(["a", "b", "c"]);
    expect(groupsOf({ groups: { a: true } }, "groups")).toEqual([]);
    expect(groupsOf({}, "groups")).toEqual([]);
  });

  it("keeps an owner an owner and otherwise follows the mapping", () => {
    expect(roleAfterSignIn("owner", "viewer")).toBe("owner");
    expect(roleAfterSignIn("admin", "member")).toBe("member");
    expect(roleAfterSignIn(undefined, "admin")).toBe("admin");
  });
});
