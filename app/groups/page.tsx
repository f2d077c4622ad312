import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import { flattenGroups, groupAndDescendants } from "@/lib/groups";
import { page } from "@/server/page";
import { groupsView } from "@/views/settings";
import { teamGroupsHref, teamGroupsQuerySchema } from "@/lib/validation/group";
import { CreateGroupForm, GroupRowForms, type GroupChoice } from "./_components/group-forms";
import { TeamGroups } from "./_components/team-groups";

export const metadata: Metadata = { title: "Groups" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where admins arrange teams into departments, tribes and deeper groups. */
export default page(async ({ ctx }, { searchParams }: Props) => {
  const query = teamGroupsQuerySchema.safeParse(await searchParams);
  const { groups, teams, teamsPerGroup: direct } = await groupsView(ctx);
  const tree = flattenGroups(groups);
  const choices: GroupChoice[] = tree.map(({ group, depth }) => ({ id: group.id, label: group.name, depth }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Groups</h1>
        <p className="mt-1 text-stone-700">
          Arrange teams into departments, tribes and smaller groups (up to four levels). Each group gets its own{" "}
          <IntentLink href="/dashboard" className="font-medium text-wood-700 underline">
            dashboard
          </IntentLink>
          . A team sits in at most one group and keeps its whole history when it moves.
        </p>
      </div>

      <section className={card} aria-labelledby="create-group-heading">
        <h2 id="create-group-heading" className="text-lg font-semibold">
          Create a group
        </h2>
        <CreateGroupForm choices={choices} />
      </section>

      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading" className="text-lg font-semibold">
          The groups
        </h2>
        {tree.length === 0 ? (
          <p className={`${card} mt-2`}>No groups yet.</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {tree.map(({ group, depth }) => (
              <li key={group.id} className={card} style={{ marginLeft: `${Math.min(depth, 3) * 1.25}rem` }}>
                <h3 className="font-semibold text-wood-900">
                  {group.name}{" "}
                  <span className="text-sm font-normal text-stone-600">
                    · {direct[group.id] ?? 0} team{direct[group.id] === 1 ? "" : "s"} directly ·{" "}
                    <IntentLink href={teamGroupsHref({ teams: group.id, page: 1 })} className="text-wood-700 underline">
                      show its teams<span className="sr-only"> ({group.name})</span>
                    </IntentLink>
                  </span>
                </h3>
                <GroupRowForms group={group} choices={choices} inside={[...groupAndDescendants(groups, group.id)]} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {query.success ? (
        <TeamGroups teams={teams} groups={groups} choices={choices} query={query.data} />
      ) : (
        <p className={card} role="alert">
          This link’s team list cannot be shown: {query.error.issues.map((i) => i.message).join(" ")}{" "}
          <IntentLink href={teamGroupsHref({ teams: "all", page: 1 })} className="font-semibold text-wood-700 underline">
            Show all teams
          </IntentLink>
          .
        </p>
      )}
    </div>
  );
});
