import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadWorkshopRows } from "@/db/queries/workshop-view";
import { workshopAudience } from "@/db/queries/workshops";
import { isUuid } from "@/lib/validation/ids";
import { workshopView } from "@/lib/workshop/view";
import { joinLink } from "@/server/join-link";
import { requireMember } from "@/server/session";
import { PresenterScreen } from "./_components/presenter-screen";

export const metadata: Metadata = { title: "Workshop" };

type Props = { params: Promise<{ workshopId: string }> };

/** The presenter view for a projector (every member of the organisation may watch). */
export default async function PresentPage({ params }: Props) {
  const { workshopId } = await params;
  const { ctx } = await requireMember();
  if (!isUuid(workshopId)) notFound();
  await workshopAudience(ctx, workshopId).catch(() => notFound());
  const rows = await loadWorkshopRows(ctx, workshopId);
  if (!rows) notFound();
  const link = await joinLink(rows.joinCode);
  return (
    <div className="report">
      <PresenterScreen initial={workshopView(rows, "presenter")} joinUrl={link.url} qr={link.qr} />
    </div>
  );
}
