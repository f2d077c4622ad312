import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Role } from "@/lib/permissions";
import type { OrganisationMember } from "@/lib/people";
import type { Membership } from "@/lib/viewer";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { members, organisations, users } from "../schema";
import { requirePermission, requirePermissionOnSomeTeam } from "./access";

/** Every organisation a user belongs to, oldest membership first. */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select({ organisationId: members.organisationId, organisationName: organisations.name, role: members.role })
    .from(members)
    .innerJoin(organisations, eq(organisations.id, members.organisationId))
    .where(eq(members.userId, userId))
    .orderBy(asc(members.createdAt));
}

export async function listMembers(ctx: Ctx): Promise<OrganisationMember[]> {
  requirePermission(ctx, "members.manage");
  return ctx.db
    .select({ userId: members.userId, name: users.name, email: users.email, role: members.role, joinedAt: members.createdAt })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organisationId, ctx.organisationId))
    .orderBy(asc(users.name));
}

export async function getMemberRole(ctx: Ctx, userId: string): Promise<Role | undefined> {
  const [row] = await ctx.db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.organisationId, ctx.organisationId), eq(members.userId, userId)));
  return row?.role;
}

/** Every member's name, for choosing who owns an action: for those who may lead a team's assessments. */
export async function listMemberNames(ctx: Ctx): Promise<{ userId: string; name: string }[]> {
  requirePermissionOnSomeTeam(ctx, "assessments.edit");
  return ctx.db
    .select({ userId: members.userId, name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organisationId, ctx.organisationId))
    .orderBy(asc(users.name));
}

/** The names of the organisation's owners and admins, owners first: who a member in no team can ask to be added to one. */
export async function listTeamManagerNames(ctx: Ctx): Promise<string[]> {
  requirePermission(ctx, "results.read");
  const rows = await ctx.db
    .select({ name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organisationId, ctx.organisationId), inArray(members.role, ["owner", "admin"])))
    .orderBy(sql`${members.role} <> 'owner'`, asc(users.name));
  return rows.map((r) => r.name);
}
