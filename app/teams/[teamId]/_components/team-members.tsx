import { card, field } from "@/components/ui/styles";
import type { TeamMember } from "@/lib/people";
import { AddTeamMemberForm, RemoveTeamMemberButton } from "./team-member-forms";

type Props = { teamId: string; members: TeamMember[]; candidates: TeamMember[]; canManage: boolean };

/** Who belongs to the team: members answer only for their own teams. */
export function TeamMembers({ teamId, members, candidates, canManage }: Props) {
  const inTeam = new Set(members.map((m) => m.userId));
  const addable = candidates.filter((c) => !inTeam.has(c.userId));
  return (
    <section className={`${card} space-y-3`} aria-labelledby="team-members-heading">
      <h2 id="team-members-heading" className="text-lg font-semibold">
        People in this team
      </h2>
      {members.length === 0 ? (
        <p className="text-sm text-stone-700">Nobody yet. Members of the organisation answer only for the teams they belong to.</p>
      ) : (
        <ul className="divide-y divide-stone-100" aria-label="Team members">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {m.name} <span className="text-sm text-stone-600">{m.email}</span>
              </span>
              {canManage && <RemoveTeamMemberButton teamId={teamId} userId={m.userId} name={m.name} />}
            </li>
          ))}
        </ul>
      )}
      {canManage && addable.length > 0 && <AddTeamMemberForm teamId={teamId} candidates={addable} />}
      {canManage && addable.length === 0 && <p className={field.hint}>Everyone in the organisation is in this team.</p>}
    </section>
  );
}
