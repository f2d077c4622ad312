import type { Metadata } from "next";
import { card } from "@/components/ui/styles";
import { WorkshopRows } from "@/components/workshop/workshop-rows";
import { page } from "@/server/page";
import { workshopsView } from "@/views/workshops";

export const metadata: Metadata = { title: "Workshops" };

/** The organisation's workshops the person may see: running ones to rejoin, ended ones to report on. */
export default page(async ({ viewer, ctx }) => {
  const { running, ended, canSeeWorkshops } = await workshopsView(ctx);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Workshops of {viewer.organisation.name}</h1>
        <p className="mt-1 text-stone-700">Live sessions run on a team’s open assessment. Open one from the assessment’s page: “Run it as a live workshop”.</p>
      </div>
      {!canSeeWorkshops ? (
        <p className={card}>Workshops show a team’s unsubmitted answers, so only the team, facilitators, admins and owners see them.</p>
      ) : (
        <>
          <section aria-labelledby="running-heading" className="space-y-2">
            <h2 id="running-heading" className="text-lg font-semibold">
              Running
            </h2>
            {running.length === 0 ? <p className="text-stone-700">No workshop is running.</p> : <WorkshopRows items={running} />}
          </section>
          <section aria-labelledby="ended-heading" className="space-y-2">
            <h2 id="ended-heading" className="text-lg font-semibold">
              Ended
            </h2>
            {ended.length === 0 ? <p className="text-stone-700">No workshop has ended yet.</p> : <WorkshopRows items={ended} />}
          </section>
        </>
      )}
    </div>
  );
});
