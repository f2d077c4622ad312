import "server-only";
import type { Ctx } from "@/db/context";
import { requirePermission } from "@/db/queries/access";
import { listApiTokens } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import { listGroups, teamsPerGroup } from "@/db/queries/groups";
import { listOpenInvitations } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/members";
import { listTeamGroups, listTeams } from "@/db/queries/teams";

// The organisation's settings screens: who belongs, how teams are grouped, what happened. Each is
// for the roles that manage it; anyone else finds nothing there.

/** The audit log, newest first. */
export async function auditView(ctx: Ctx) {
  requirePermission(ctx, "audit.read");
  const events = await listAuditEvents(ctx);
  return events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() }));
}

/** Members, open invitations and the teams an invitation may join. */
export async function membersView(ctx: Ctx) {
  requirePermission(ctx, "members.manage");
  const [members, invitations, teams] = await Promise.all([listMembers(ctx), listOpenInvitations(ctx), listTeams(ctx)]);
  return {
    members: members.map(({ userId, name, email, role }) => ({ userId, name, email, role })),
    invitations: invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
  };
}

/** The groups as a flat list, every team with its group, and how many teams each group holds directly. */
export async function groupsView(ctx: Ctx) {
  requirePermission(ctx, "teams.manage");
  const [groups, teams, direct] = await Promise.all([listGroups(ctx), listTeamGroups(ctx), teamsPerGroup(ctx)]);
  return { groups, teams, teamsPerGroup: Object.fromEntries(direct) as Record<string, number> };
}

/** The organisation's API tokens, newest first: never their secrets, which were shown once. */
export async function apiTokensView(ctx: Ctx) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return (await listApiTokens(ctx)).map((t) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    expiresAt: iso(t.expiresAt),
    revokedAt: iso(t.revokedAt),
  }));
}

export type ApiTokenRow = Awaited<ReturnType<typeof apiTokensView>>[number];
