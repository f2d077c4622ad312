import { IntentLink } from "@/components/ui/intent-link";
import { Pager } from "@/components/ui/pager";
import { button, field } from "@/components/ui/styles";
import type { TeamCard as Card } from "@/lib/team-card";
import { TEAMS_PAGE_SIZE, teamsHref, type TeamsQuery } from "@/lib/validation/team";
import { TeamCard } from "./team-card";

const link = "font-semibold text-wood-700 underline";

function TeamCards({ cards, label }: { cards: readonly Card[]; label: string }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={label}>
      {cards.map((card) => (
        <TeamCard key={card.id} card={card} />
      ))}
    </ul>
  );
}

type Props = {
  /** This page's cards, the person's own teams first. */
  cards: readonly Card[];
  query: TeamsQuery;
  found: number;
  paged: boolean;
  activeTeams: number;
  ownTeams: number;
};

/**
 * The active teams: the person's own first, under their own heading and marked as theirs, then the
 * others by name. An organisation with more than a page of teams gets a search by name and pages,
 * in the page's link.
 */
export function TeamList({ cards, query, found, paged, activeTeams, ownTeams }: Props) {
  const mine = query.find ? [] : cards.filter((c) => c.mine);
  const rest = query.find ? cards : cards.filter((c) => !c.mine);
  const heading = query.find ? `Teams whose name has “${query.find}”` : ownTeams > 0 ? "Other teams" : paged ? `All ${activeTeams} teams` : "All teams";
  return (
    <div className="space-y-6">
      {paged && (
        <form method="get" action="/teams" className="flex flex-wrap items-end gap-2" role="search" aria-label="Find a team">
          <div className="min-w-48 flex-1 sm:flex-none">
            <label htmlFor="find-team" className={field.label}>
              Name has
            </label>
            <input id="find-team" name="find" type="search" defaultValue={query.find ?? ""} className={field.input} />
          </div>
          <button type="submit" className={button.secondary}>
            Find
          </button>
          {query.find && (
            <IntentLink href={teamsHref({ page: 1 })} className={`${link} self-end py-2`}>
              Show every team
            </IntentLink>
          )}
        </form>
      )}
      {mine.length > 0 && (
        <section aria-labelledby="my-teams-heading" className="space-y-2">
          <h2 id="my-teams-heading" className="text-lg font-semibold">
            Your teams
          </h2>
          <TeamCards cards={mine} label="Your teams" />
        </section>
      )}
      {(rest.length > 0 || cards.length === 0) && (
        <section aria-labelledby="all-teams-heading" className="space-y-2">
          <h2 id="all-teams-heading" className="text-lg font-semibold">
            {heading}
          </h2>
          {cards.length === 0 ? (
            <p>
              {found > 0 ? (
                <>
                  There are fewer teams than page {query.page} would show.{" "}
                  <IntentLink href={teamsHref({ ...query, page: 1 })} className={link}>
                    Go to the first page
                  </IntentLink>
                  .
                </>
              ) : (
                `No team’s name has “${query.find}” in it.`
              )}
            </p>
          ) : (
            <TeamCards cards={rest} label={ownTeams > 0 && !query.find ? "Other teams" : "Active teams"} />
          )}
        </section>
      )}
      {paged && cards.length > 0 && (
        <Pager
          label="Team pages"
          noun="Teams"
          page={query.page}
          pageSize={TEAMS_PAGE_SIZE}
          shown={cards.length}
          total={found}
          href={(page) => teamsHref({ ...query, page })}
        />
      )}
    </div>
  );
}
