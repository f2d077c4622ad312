import "server-only";
import type { Ctx } from "@/db/context";
import { listWorkshops } from "@/db/queries/workshop-list";
import { mayFacilitate } from "@/db/queries/workshop-state";
import { allows } from "@/lib/permissions";
import { workshopLinks, workshopStateLabel, type WorkshopListItem } from "@/lib/workshop/workshop-links";

export type WorkshopsList = {
  running: WorkshopListItem[];
  ended: WorkshopListItem[];
  /** Whether the person may see any team's drafts (and so any workshop) in this organisation. */
  canSeeWorkshops: boolean;
};

/**
 * The organisation's workshops the person may see, running ones first: each with its team, when it
 * opened and ended, who facilitates it, and where to go from here. `since` keeps only ended
 * workshops that ended after it.
 */
export async function workshopsView(ctx: Ctx, { since }: { since?: Date } = {}): Promise<WorkshopsList> {
  const rows = await listWorkshops(ctx, { since });
  const items = rows.map((r): WorkshopListItem => ({
    id: r.id,
    teamName: r.teamName,
    status: r.status,
    state: workshopStateLabel(r.status),
    openedAt: r.openedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    facilitator: r.facilitatorName ?? "Former member",
    participants: r.participants,
    links: workshopLinks(r, { mayRun: mayFacilitate(ctx.actor, r) }),
  }));
  return {
    running: items.filter((i) => i.status !== "ended"),
    ended: items.filter((i) => i.status === "ended"),
    canSeeWorkshops: allows(ctx.actor, "drafts.read", { teamMember: true }),
  };
}
