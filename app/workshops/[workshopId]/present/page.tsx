import type { Metadata } from "next";
import { joinLink } from "@/server/join-link";
import { page } from "@/server/page";
import { presenterView } from "@/views/workshop-report";
import { PresenterScreen } from "./_components/presenter-screen";

export const metadata: Metadata = { title: "Workshop" };

type Props = { params: Promise<{ workshopId: string }> };

/** The presenter view for a projector (every member of the organisation may watch). */
export default page(async ({ ctx }, { params }: Props) => {
  const { screen, joinCode } = await presenterView(ctx, (await params).workshopId);
  const link = await joinLink(joinCode);
  return (
    <div className="full-bleed">
      <PresenterScreen initial={screen} joinUrl={link.url} qr={link.qr} />
    </div>
  );
});
