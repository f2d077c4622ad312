import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { listTeamCadences, listTeams } from "@/db/queries/teams";
import { dueText, nextDue } from "@/lib/cadence";
import { card } from "@/components/ui/styles";
import { can } from "@/lib/permissions";
import { requireMember } from "@/server/session";
import { ArchiveTeamButton } from "./_components/archive-team-button";
import { CreateTeamForm } from "./_components/create-team-form";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const { viewer, ctx } = await requireMember();
  const canManage = can(viewer.role, "teams.manage");
  const [teams, cadences] = await Promise.all([listTeams(ctx, { includeArchived: true }), listTeamCadences(ctx)]);
  const now = new Date();
  const dueOf = new Map(cadences.map((c) => [c.teamId, nextDue(c.cadence, c.lastSubmittedAt, c.createdAt, now)]));
  const active = teams.filter((t) => !t.archivedAt);
  const archived = teams.filter((t) => t.archivedAt);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Teams</h1>
        <p className="mt-1 text-stone-700">Each team assesses itself and follows its weakest stave over time.</p>
      </div>
      {active.length === 0 ? (
        <p className={card}>No teams yet.{canManage ? " Create the first one below." : ""}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Active teams">
          {active.map((team) => {
            const due = dueOf.get(team.id);
            return (
              <li key={team.id}>
                <IntentLink
                  href={`/teams/${team.id}`}
                  className="block rounded-lg border border-stone-200 bg-white p-4 font-semibold text-wood-900 shadow-sm hover:border-wood-500"
                >
                  {team.name}
                  {due && (
                    <span className={`block text-sm font-normal ${due.state === "overdue" ? "text-amber-800" : "text-stone-600"}`} data-due={due.state}>
                      {due.state === "overdue" && <span aria-hidden="true">● </span>}
                      {dueText(due)}
                    </span>
                  )}
                </IntentLink>
              </li>
            );
          })}
        </ul>
      )}
      {canManage && (
        <section className={card} aria-labelledby="create-team-heading">
          <h2 id="create-team-heading" className="text-lg font-semibold">Create a team</h2>
          <CreateTeamForm />
        </section>
      )}
      {archived.length > 0 && (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading" className="text-lg font-semibold">Archived teams</h2>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {archived.map((team) => (
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
}
