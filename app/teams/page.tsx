import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import { teamsHref } from "@/lib/validation/team";
import { page } from "@/server/page";
import { teamsLandingView } from "@/views/teams-landing";
import { ArchiveTeamButton } from "./_components/archive-team-button";
import { CreateTeamForm } from "./_components/create-team-form";
import { FirstRunChecklist } from "./_components/first-run-checklist";
import { TeamList } from "./_components/team-list";

export const metadata: Metadata = { title: "Teams" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default page(async ({ ctx }, { searchParams }: Props) => {
  const view = await teamsLandingView(ctx, await searchParams);
  const { canManage } = view;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Teams</h1>
        <p className="mt-1 text-stone-700">Each team assesses itself and follows its weakest stave over time.</p>
      </div>
      {view.checklist && <FirstRunChecklist steps={view.checklist} />}
      {view.askToBeAdded && (
        <p className={card} data-testid="not-in-a-team">
          <strong>You are not in a team yet.</strong> {view.askToBeAdded} Until then you can look at every team’s results.
        </p>
      )}
      {view.activeTeams === 0 ? (
        <p className={card}>No teams yet.{canManage ? " Create the first one below." : ""}</p>
      ) : view.query.ok ? (
        <TeamList cards={view.cards} query={view.query.value} found={view.found} paged={view.paged} activeTeams={view.activeTeams} ownTeams={view.ownTeams} />
      ) : (
        <p className={card}>
          This link’s team list cannot be shown: {view.query.problem}{" "}
          <IntentLink href={teamsHref({ page: 1 })} className="font-semibold text-wood-700 underline">
            Show every team
          </IntentLink>
          .
        </p>
      )}
      {canManage && (
        <section id="create-team" className={card} aria-labelledby="create-team-heading">
          <h2 id="create-team-heading" className="text-lg font-semibold">
            Create a team
          </h2>
          <CreateTeamForm />
        </section>
      )}
      {view.archived.length > 0 && (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading" className="text-lg font-semibold">
            Archived teams
          </h2>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {view.archived.map((team) => (
              <li key={team.id} className="flex items-center justify-between gap-3 px-4 py-2">
                <IntentLink href={`/teams/${team.id}`} className="text-stone-800 hover:underline">
                  {team.name}
                </IntentLink>
                {canManage && <ArchiveTeamButton teamId={team.id} teamName={team.name} archived />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
});
