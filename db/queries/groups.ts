import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { AppError, notFoundError } from "@/lib/errors";
import { groupNameTaken, groupPathName, placementProblem } from "@/lib/groups";
import type { Ctx, TxCtx } from "../context";
import { withTransaction } from "../transaction";
import { groups, organisations, teams } from "../schema";
import { requirePermission } from "./access";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./pg-errors";

export type GroupRow = { id: string; name: string; parentId: string | null };

const columns = { id: groups.id, name: groups.name, parentId: groups.parentId };

/** Every group of the organisation (a flat list: lib/groups.ts walks it as a tree). */
export async function listGroups(ctx: Ctx): Promise<GroupRow[]> {
  requirePermission(ctx, "results.read");
  return ctx.db
    .select(columns)
    .from(groups)
    .where(eq(groups.organisationId, ctx.organisationId))
    .orderBy(sql`lower(${groups.name})`);
}

/**
 * Changes to the tree take turns within an organisation (a no-key lock on its row, which leaves
 * ordinary writes alone), and are checked against the tree as it is now.
 */
async function lockedTree(ctx: TxCtx): Promise<GroupRow[]> {
  await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, ctx.organisationId)).for("no key update");
  return ctx.db.select(columns).from(groups).where(eq(groups.organisationId, ctx.organisationId));
}

const nameTaken = (name: string) => new AppError("conflict", groupNameTaken(name), { name: ["That name is already taken here."] });

function refuse(problem: string | undefined) {
  if (problem) throw new AppError("invalid_input", problem, { parentId: [problem] });
}

async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

/** Creates a group; `id` keeps the id a group had in an imported history. */
export async function createGroup(ctx: Ctx, input: { name: string; parentId: string | null; id?: string }): Promise<GroupRow> {
  requirePermission(ctx, "teams.manage");
  return uniqueName(input.name, () =>
    withTransaction(ctx, async (ctx) => {
      const tree = await lockedTree(ctx);
      refuse(placementProblem(tree, undefined, input.parentId));
      const [row] = await ctx.db
        .insert(groups)
        .values({ id: input.id, organisationId: ctx.organisationId, name: input.name, parentId: input.parentId })
        .returning(columns);
      const where = input.parentId ? ` in “${groupPathName(tree, input.parentId)}”` : "";
      await recordAudit(ctx, { action: "group.created", summary: `Created group “${input.name}”${where}`, detail: { groupId: row!.id } });
      return row!;
    }),
  );
}

export async function renameGroup(ctx: Ctx, groupId: string, name: string): Promise<GroupRow> {
  requirePermission(ctx, "teams.manage");
  return uniqueName(name, () =>
    withTransaction(ctx, async (ctx) => {
      const tree = await lockedTree(ctx);
      const before = tree.find((g) => g.id === groupId);
      if (!before) throw notFoundError("The group");
      const [row] = await ctx.db.update(groups).set({ name }).where(eq(groups.id, groupId)).returning(columns);
      await recordAudit(ctx, { action: "group.renamed", summary: `Renamed group “${before.name}” to “${name}”`, detail: { groupId } });
      return row!;
    }),
  );
}

/** Moves a group (with its groups and teams, and so their history) under another, or to the top. */
export async function moveGroup(ctx: Ctx, groupId: string, parentId: string | null): Promise<GroupRow> {
  requirePermission(ctx, "teams.manage");
  return withTransaction(ctx, async (ctx) => {
    const tree = await lockedTree(ctx);
    const group = tree.find((g) => g.id === groupId);
    if (!group) throw notFoundError("The group");
    refuse(placementProblem(tree, groupId, parentId));
    const sameName = (g: GroupRow) => g.id !== groupId && g.parentId === parentId && g.name.toLowerCase() === group.name.toLowerCase();
    if (tree.some(sameName)) throw nameTaken(group.name);
    const [row] = await ctx.db.update(groups).set({ parentId }).where(eq(groups.id, groupId)).returning(columns);
    const to = parentId ? `into “${groupPathName(tree, parentId)}”` : "to the top of the organisation";
    await recordAudit(ctx, { action: "group.moved", summary: `Moved group “${group.name}” ${to}`, detail: { groupId, parentId } });
    return row!;
  }).catch((error: unknown) => {
    // The check above compares names as JavaScript folds case; the index folds them as PostgreSQL does.
    if (isUniqueViolation(error))
      throw new AppError("conflict", "A group with the same name already exists in that place.", {
        parentId: ["Choose another place, or rename the group first."],
      });
    throw error;
  });
}

/** Deletes an empty group; one that still holds teams or groups is refused with what to do. */
export async function deleteGroup(ctx: Ctx, groupId: string): Promise<void> {
  requirePermission(ctx, "teams.manage");
  return withTransaction(ctx, async (ctx) => {
    const tree = await lockedTree(ctx);
    const group = tree.find((g) => g.id === groupId);
    if (!group) throw notFoundError("The group");
    const inside = tree.filter((g) => g.parentId === groupId).length;
    // Teams are locked too, so none can be moved into the group while it goes.
    const held = await ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.groupId, groupId)).for("update");
    if (held.length > 0 || inside > 0) {
      const parts = [
        held.length > 0 ? `${held.length} ${held.length === 1 ? "team" : "teams"}` : "",
        inside > 0 ? `${inside} ${inside === 1 ? "group" : "groups"}` : "",
      ].filter(Boolean);
      throw new AppError("conflict", `“${group.name}” still holds ${parts.join(" and ")}. Move them to another group first, then delete it.`);
    }
    await ctx.db.delete(groups).where(eq(groups.id, groupId));
    await recordAudit(ctx, { action: "group.deleted", summary: `Deleted group “${group.name}”`, detail: { groupId } });
  });
}

/** Puts a team in a group, or in none. Its assessments stay with it. */
export async function setTeamGroup(ctx: Ctx, teamId: string, groupId: string | null): Promise<void> {
  requirePermission(ctx, "teams.manage");
  return withTransaction(ctx, async (ctx) => {
    const tree = await lockedTree(ctx);
    if (groupId !== null && !tree.some((g) => g.id === groupId)) {
      throw new AppError("invalid_input", "That group was not found.", { groupId: ["Choose a group from the list."] });
    }
    const [team] = await ctx.db
      .update(teams)
      .set({ groupId })
      .where(and(eq(teams.organisationId, ctx.organisationId), eq(teams.id, teamId)))
      .returning({ name: teams.name });
    if (!team) throw notFoundError("The team");
    const to = groupId ? `into “${groupPathName(tree, groupId)}”` : "out of its group";
    await recordAudit(ctx, { action: "team.grouped", summary: `Moved team “${team.name}” ${to}`, detail: { teamId, groupId } });
  });
}

/** How many active teams sit directly in each group. */
export async function teamsPerGroup(ctx: Ctx): Promise<Map<string, number>> {
  requirePermission(ctx, "results.read");
  const rows = await ctx.db
    .select({ groupId: teams.groupId, teams: count() })
    .from(teams)
    .where(and(eq(teams.organisationId, ctx.organisationId), sql`${teams.groupId} is not null`, isNull(teams.archivedAt)))
    .groupBy(teams.groupId);
  return new Map(rows.map((r) => [r.groupId!, r.teams]));
}
