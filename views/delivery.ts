import "server-only";
import type { Ctx } from "@/db/context";
import { listServices } from "@/db/queries/delivery";
import { listDeliverySources } from "@/db/queries/delivery-sources";
import { measuredLevelsCap } from "@/db/queries/measured-levels";
import { listTeams } from "@/db/queries/teams";
import { SIGNED_SOURCES, signedSourceLabels } from "@/lib/delivery/events";

/**
 * The organisation's delivery data as owners and admins set it up: its services (unmapped ones
 * first) with the team each counts for, the teams to choose from, and the signed sources' addresses.
 */
export async function deliveryDataView(ctx: Ctx) {
  const [services, teams, sources, capsAnswers] = await Promise.all([listServices(ctx), listTeams(ctx), listDeliverySources(ctx), measuredLevelsCap(ctx)]);
  return {
    capsAnswers,
    services: services.map((s) => ({ ...s, firstSeenAt: s.firstSeenAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() })),
    unmapped: services.filter((s) => s.teamId === null).length,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    sources: SIGNED_SOURCES.map((kind) => {
      const source = sources.find((s) => s.kind === kind);
      return {
        kind,
        label: signedSourceLabels[kind],
        path: source ? `/api/v1/events/${kind}/${source.id}` : null,
        since: source?.createdAt.toISOString() ?? null,
      };
    }),
  };
}
export type DeliveryDataView = Awaited<ReturnType<typeof deliveryDataView>>;
