import "server-only";
import type { Db } from "@/db/client";
import type { Ctx } from "@/db/context";
import { listMemberships } from "@/db/queries/members";
import { listTeams } from "@/db/queries/teams";
import { deskFigures, deskHeadline, type DeskFigures } from "@/lib/desk";
import { roleLabels, type Role } from "@/lib/permissions";
import { teamCardsOf } from "./team-cards";
import type { WorkshopListItem } from "@/lib/workshop/workshop-links";
import { workshopsView } from "./workshops";

/** Ended workshops stay on the desk this long. */
export const RECENT_WORKSHOP_DAYS = 30;
/** Workshops shown per organisation; the workshops page lists the rest. */
const DESK_WORKSHOPS = 4;

export type DeskOrganisation = DeskFigures & {
  id: string;
  name: string;
  role: Role;
  roleLabel: string;
  /** Running workshops and those that ended lately, as many as the desk shows. */
  workshops: WorkshopListItem[];
  moreWorkshops: number;
  canSeeWorkshops: boolean;
  headline: string;
};

export type Desk = { organisations: DeskOrganisation[] };

/**
 * Every organisation the person belongs to now, each read with that organisation's context and
 * their role there, through the same data functions as its own pages: a viewer in one and an
 * owner in another sees in each what that role may see. Memberships are read afresh, so an
 * organisation they have left or were removed from is gone at once.
 */
export async function deskView({ db, userId }: { db: Db; userId: string }, now = new Date()): Promise<Desk> {
  const memberships = await listMemberships(db, userId);
  const since = new Date(now.getTime() - RECENT_WORKSHOP_DAYS * 24 * 60 * 60 * 1000);
  const organisations = await Promise.all(
    memberships.map(async ({ organisationId, organisationName, role }): Promise<DeskOrganisation> => {
      const ctx: Ctx = { organisationId, actor: { kind: "member", userId, role }, db };
      const [teams, workshops] = await Promise.all([listTeams(ctx), workshopsView(ctx, { since })]);
      const cards = await teamCardsOf(ctx, teams, now);
      const listed = [...workshops.running, ...workshops.ended];
      const figures = deskFigures(cards);
      return {
        id: organisationId,
        name: organisationName,
        role,
        roleLabel: roleLabels[role],
        ...figures,
        headline: deskHeadline(figures, workshops.canSeeWorkshops ? workshops.running.length : null),
        workshops: listed.slice(0, DESK_WORKSHOPS),
        moreWorkshops: Math.max(0, listed.length - DESK_WORKSHOPS),
        canSeeWorkshops: workshops.canSeeWorkshops,
      };
    }),
  );
  return { organisations: organisations.sort((a, b) => a.name.localeCompare(b.name)) };
}
