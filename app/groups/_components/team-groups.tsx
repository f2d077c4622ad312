import { IntentLink } from "@/components/ui/intent-link";
import { Pager } from "@/components/ui/pager";
import { button, card, field } from "@/components/ui/styles";
import { teamsInFilter, type GroupNode } from "@/lib/groups";
import { TEAM_GROUPS_PAGE_SIZE, teamGroupsHref, type TeamGroupsQuery } from "@/lib/validation/group";
import { TeamGroupForm, type GroupChoice } from "./group-forms";

type Team = { id: string; name: string; groupId: string | null };

/**
 * Which group each team sits in, a page at a time and filtered by group: an organisation of
 * hundreds of teams would otherwise get a picker of every group for every team at once. The filter
 * is a plain GET form, so the view lives in its link.
 */
export function TeamGroups({
  teams,
  groups,
  choices,
  query,
}: {
  teams: readonly Team[];
  groups: readonly GroupNode[];
  choices: readonly GroupChoice[];
  query: TeamGroupsQuery;
}) {
  const unknownGroup = query.teams !== "all" && query.teams !== "none" && !groups.some((g) => g.id === query.teams);
  const shown = teamsInFilter(teams, groups, query.teams);
  const first = (query.page - 1) * TEAM_GROUPS_PAGE_SIZE;
  const rows = shown.slice(first, first + TEAM_GROUPS_PAGE_SIZE);
  const link = "font-semibold text-wood-700 underline";
  return (
    <section className={card} aria-labelledby="team-groups-heading">
      <h2 id="team-groups-heading" className="text-lg font-semibold">
        Teams and their groups
      </h2>
      {teams.length === 0 ? (
        <p className="mt-2">No teams yet.</p>
      ) : (
        <>
          <form method="get" action="/groups#team-groups-heading" className="mt-3 flex flex-wrap items-end gap-2" aria-label="Which teams">
            <div className="min-w-48 flex-1 sm:flex-none">
              <label htmlFor="team-groups-filter" className={field.label}>
                Show
              </label>
              <select id="team-groups-filter" name="teams" defaultValue={unknownGroup ? "" : query.teams === "all" ? "" : query.teams} className={field.input}>
                <option value="">All teams</option>
                <option value="none">Teams in no group</option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {"\u2003".repeat(c.depth)}
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={button.secondary}>
              Show
            </button>
          </form>
          {unknownGroup ? (
            <p className="mt-3" role="alert">
              That group is not one of this organisation’s (it may have been deleted).{" "}
              <IntentLink href={teamGroupsHref({ teams: "all", page: 1 })} className={link}>
                Show all teams
              </IntentLink>
              .
            </p>
          ) : rows.length === 0 ? (
            <p className="mt-3">
              {shown.length > 0 ? (
                <>
                  There are fewer teams than page {query.page} would show.{" "}
                  <IntentLink href={teamGroupsHref({ ...query, page: 1 })} className={link}>
                    Go to the first page
                  </IntentLink>
                  .
                </>
              ) : query.teams === "none" ? (
                "Every team is in a group."
              ) : (
                "No teams in this group or the groups inside it."
              )}
            </p>
          ) : (
            <>
              <ul className="mt-4 grid gap-4 sm:grid-cols-2">
                {rows.map((team) => (
                  <li key={team.id}>
                    <TeamGroupForm team={team} groupId={team.groupId} choices={choices} />
                  </li>
                ))}
              </ul>
              <div className="mt-4">
                <Pager
                  label="Team pages"
                  noun="Teams"
                  page={query.page}
                  pageSize={TEAM_GROUPS_PAGE_SIZE}
                  shown={rows.length}
                  total={shown.length}
                  href={(page) => teamGroupsHref({ ...query, page })}
                />
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
