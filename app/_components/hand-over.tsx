import { HandOverHeader } from "@/components/report/hand-over-header";
import { requireMember } from "@/server/session";
import { handOverView } from "@/views/branding";

/**
 * The branded head of a report, reading what it shows itself so a report page only places it: the
 * organisation's name and logo, and the workshop's facilitator (or the person preparing the report).
 */
export async function HandOver({ workshopId }: { workshopId?: string }) {
  const { viewer, ctx } = await requireMember();
  return <HandOverHeader {...await handOverView(ctx, { workshopId, preparedBy: viewer.user.name })} />;
}
