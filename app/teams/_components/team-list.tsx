import { IntentLink } from "@/components/ui/intent-link";
import { Pager } from "@/components/ui/pager";
import { button, field } from "@/components/ui/styles";
import { dueText, type Due } from "@/lib/cadence";
import { findByName } from "@/lib/find-by-name";
import { TEAMS_PAGE_SIZE, teamsHref, type TeamsQuery } from "@/lib/validation/team";

export type ListedTeam = { id: string; name: string; mine: boolean };
/** When a team's next assessment is due: worked out only for the teams shown. */
type DueOf = (teamId: string) => Due | undefined;

const link = "font-semibold text-wood-700 underline";

function TeamCards({ teams, label, dueOf }: { teams: readonly ListedTeam[]; label: string; dueOf: DueOf }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label={label}>
      {teams.map((team) => (
        <TeamCard key={team.id} team={team} due={dueOf(team.id)} />
      ))}
    </ul>
  );
}

function TeamCard({ team, due }: { team: ListedTeam; due: Due | undefined }) {
  return (
    <li>
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
}

/**
 * The active teams. Up to a page of them are simply listed; an organisation with more gets the
 * viewer's own teams first, a search by name and the teams a page at a time, in the page's link.
 */
export function TeamList({ teams, query, dueOf }: { teams: readonly ListedTeam[]; query: TeamsQuery; dueOf: DueOf }) {
  const paged = teams.length > TEAMS_PAGE_SIZE || query.find !== undefined || query.page > 1;
  if (!paged) return <TeamCards teams={teams} label="Active teams" dueOf={dueOf} />;

  const mine = teams.filter((t) => t.mine);
  const found = findByName(teams, query.find);
  const first = (query.page - 1) * TEAMS_PAGE_SIZE;
  const rows = found.slice(first, first + TEAMS_PAGE_SIZE);
  return (
    <div className="space-y-6">
      {mine.length > 0 && !query.find && query.page === 1 && (
        <section aria-labelledby="my-teams-heading" className="space-y-2">
          <h2 id="my-teams-heading" className="text-lg font-semibold">Your teams</h2>
          <TeamCards teams={mine} label="Your teams" dueOf={dueOf} />
        </section>
      )}
      <section aria-labelledby="all-teams-heading" className="space-y-3">
        <h2 id="all-teams-heading" className="text-lg font-semibold">
          {query.find ? `Teams whose name has “${query.find}”` : `All ${teams.length} teams`}
        </h2>
        <form method="get" action="/teams" className="flex flex-wrap items-end gap-2" role="search" aria-label="Find a team">
          <div className="min-w-48 flex-1 sm:flex-none">
            <label htmlFor="find-team" className={field.label}>Name has</label>
            <input id="find-team" name="find" type="search" defaultValue={query.find ?? ""} className={field.input} />
          </div>
          <button type="submit" className={button.secondary}>Find</button>
          {query.find && <IntentLink href={teamsHref({ page: 1 })} className={`${link} self-end py-2`}>Show every team</IntentLink>}
        </form>
        {rows.length === 0 ? (
          <p>
            {found.length > 0 ? (
              <>
                There are fewer teams than page {query.page} would show.{" "}
                <IntentLink href={teamsHref({ ...query, page: 1 })} className={link}>Go to the first page</IntentLink>.
              </>
            ) : (
              `No team’s name has “${query.find}” in it.`
            )}
          </p>
        ) : (
          <>
            <TeamCards teams={rows} label="Active teams" dueOf={dueOf} />
            <Pager label="Team pages" noun="Teams" page={query.page} pageSize={TEAMS_PAGE_SIZE} shown={rows.length} total={found.length} href={(page) => teamsHref({ ...query, page })} />
          </>
        )}
      </section>
    </div>
  );
}
