import "server-only";
import type { Ctx } from "@/db/context";
import { firstRunProgress } from "@/db/queries/first-run";
import { listTeamManagerNames } from "@/db/queries/members";
import { listTeams } from "@/db/queries/teams";
import { firstRunSteps, type FirstRunStep } from "@/lib/first-run";
import { landingOrder, landingPage, whoCanAddYou } from "@/lib/landing";
import { allows } from "@/lib/permissions";
import type { TeamCard } from "@/lib/team-card";
import { TEAMS_PAGE_SIZE, teamsQuerySchema, type TeamsQuery } from "@/lib/validation/team";
import { teamCardsOf } from "./team-cards";

export type TeamsLanding = {
  canManage: boolean;
  /** The link's search and page, or what is wrong with it. */
  query: { ok: true; value: TeamsQuery } | { ok: false; problem: string };
  /** Active teams in the organisation, and how many of them are the person's own. */
  activeTeams: number;
  ownTeams: number;
  /** The page of cards asked for, in landing order (own teams first). */
  cards: TeamCard[];
  found: number;
  paged: boolean;
  archived: { id: string; name: string }[];
  /** Owners and admins of a new organisation: its first steps, until all are done. */
  checklist?: FirstRunStep[];
  /** A member in no team: who can add them to one. */
  askToBeAdded?: string;
};

/**
 * Where a person lands: their teams first, each card with its latest water level, its direction and
 * what is waiting for it. The cards' data is read for the teams of this page only, in two statements.
 */
export async function teamsLandingView(ctx: Ctx, params: unknown, now = new Date()): Promise<TeamsLanding> {
  const parsed = teamsQuerySchema.safeParse(params);
  const teams = await listTeams(ctx, { includeArchived: true });
  const active = teams.filter((t) => !t.archivedAt);
  const own = landingOrder(active).filter((t) => t.mine);
  const page = parsed.success ? landingPage(active, parsed.data, TEAMS_PAGE_SIZE) : { rows: [], found: 0, paged: false };
  const canManage = allows(ctx.actor, "teams.manage");
  const [cards, progress, managers] = await Promise.all([
    teamCardsOf(ctx, page.rows, now),
    canManage ? firstRunProgress(ctx) : undefined,
    ctx.actor.kind === "member" && ctx.actor.role === "member" && own.length === 0 ? listTeamManagerNames(ctx) : [],
  ]);
  const checklist = progress && firstRunSteps(progress, (own[0] ?? landingOrder(active)[0])?.id);
  const askToBeAdded = whoCanAddYou(managers);
  return {
    canManage,
    query: parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: parsed.error.issues.map((i) => i.message).join(" ") },
    activeTeams: active.length,
    ownTeams: own.length,
    cards,
    found: page.found,
    paged: page.paged,
    archived: teams.filter((t) => t.archivedAt).map(({ id, name }) => ({ id, name })),
    ...(checklist && { checklist }),
    ...(askToBeAdded && { askToBeAdded }),
  };
}
