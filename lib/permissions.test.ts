import { describe, expect, it } from "vitest";
import { allows, assignableRoles, can, type Permission, type Role } from "./permissions";

// Role × permission, for a team the asker does not belong to and (second value) one they do.
const table: Record<Permission, Record<Role, [boolean, boolean]>> = {
  "teams.manage": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "members.manage": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "organisation.manage": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "privacy.manage": { owner: [true, true], admin: [false, false], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "sso.manage": { owner: [true, true], admin: [false, false], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "audit.read": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "mail.read": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "tokens.manage": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "webhooks.manage": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "models.publish": { owner: [true, true], admin: [true, true], facilitator: [false, false], member: [false, false], viewer: [false, false] },
  "assessments.edit": { owner: [true, true], admin: [true, true], facilitator: [true, true], member: [false, true], viewer: [false, false] },
  "drafts.read": { owner: [true, true], admin: [true, true], facilitator: [true, true], member: [false, true], viewer: [false, false] },
  "results.read": { owner: [true, true], admin: [true, true], facilitator: [true, true], member: [true, true], viewer: [true, true] },
};

describe("can", () => {
  for (const [permission, byRole] of Object.entries(table) as [Permission, Record<Role, [boolean, boolean]>][]) {
    for (const [role, [outside, inside]] of Object.entries(byRole) as [Role, [boolean, boolean]][]) {
      it(`${outside ? "lets" : "does not let"} a ${role} ${permission} outside their teams, and ${inside ? "lets" : "does not let"} them inside`, () => {
        expect(can(role, permission, { teamMember: false })).toBe(outside);
        expect(can(role, permission, { teamMember: true })).toBe(inside);
      });
    }
  }
});

describe("assignableRoles", () => {
  it("lets owners grant every role, admins every role but owner, and others none", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "facilitator", "member", "viewer"]);
    expect(assignableRoles("admin")).toEqual(["admin", "facilitator", "member", "viewer"]);
    expect(assignableRoles("facilitator")).toEqual([]);
    expect(assignableRoles("viewer")).toEqual([]);
  });
});

describe("allows an API token", () => {
  const token = { kind: "token", tokenId: "t", name: "BI", scopes: ["read"] } as const;
  it("what a viewer may do, whatever the team, and no write", () => {
    for (const permission of Object.keys(table) as Permission[]) {
      for (const teamMember of [false, true]) {
        expect(allows(token, permission, { teamMember })).toBe(can("viewer", permission, { teamMember: false }));
      }
    }
    expect(allows(token, "results.read")).toBe(true);
    expect(allows(token, "drafts.read", { teamMember: true })).toBe(false);
    expect(allows(token, "tokens.manage")).toBe(false);
  });
});
