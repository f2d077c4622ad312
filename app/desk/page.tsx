import type { Metadata } from "next";
import { page } from "@/server/page";
import { deskView } from "@/views/desk";
import { OrganisationPanel } from "./_components/organisation-panel";

export const metadata: Metadata = { title: "Desk" };

/** Every organisation the person belongs to, side by side, each as their role there lets them see it. */
export default page(async ({ viewer, ctx }) => {
  const { organisations } = await deskView({ db: ctx.db, userId: viewer.user.id });
  // The organisation worked in now comes first; the others follow by name.
  const active = viewer.organisation.id;
  const ordered = organisations.toSorted((a, b) => Number(b.id === active) - Number(a.id === active));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Your desk</h1>
        <p className="mt-1 text-stone-700">
          {organisations.length === 1 ? "Your organisation" : `Your ${organisations.length} organisations`} at a glance: each team’s latest water level, the
          weakest stave most teams share, assessments due and workshops. A link into another organisation switches to it.
        </p>
      </div>
      {ordered.map((org) => (
        <OrganisationPanel key={org.id} org={org} activeId={viewer.organisation.id} />
      ))}
    </div>
  );
});
