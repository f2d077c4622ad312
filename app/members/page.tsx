import type { Metadata } from "next";
import { card } from "@/components/ui/styles";
import { formatDate } from "@/lib/format";
import { andList } from "@/lib/words";
import { assignableRoles, roleLabels } from "@/lib/permissions";
import { mailer } from "@/server/mail";
import { page } from "@/server/page";
import { membersView } from "@/views/settings";
import { InviteForm, RevokeInvitationButton } from "./_components/invitation-forms";
import { MemberRow } from "./_components/member-row";

export const metadata: Metadata = { title: "Members" };

export default page(async ({ viewer, ctx }) => {
  const { members, invitations, teams } = await membersView(ctx);
  const assignable = assignableRoles(viewer.role);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Members of {viewer.organisation.name}</h1>
        <p className="mt-1 text-stone-700">
          Owners and admins manage members and teams; facilitators run assessments for any team; members answer for their own teams; viewers read submitted
          results.
        </p>
      </div>
      <section className={card} aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite someone
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Creates a link to copy and send{mailer().configured ? ", or that Stave mails to the person" : ""}. It works once and expires after 7 days.
        </p>
        <InviteForm roles={assignable} teams={teams} canMail={mailer().configured} />
      </section>
      {invitations.length > 0 && (
        <section aria-labelledby="open-invitations-heading">
          <h2 id="open-invitations-heading" className="text-lg font-semibold">
            Open invitations
          </h2>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  {roleLabels[i.role]}{" "}
                  <span className="text-sm text-stone-600">
                    · created {formatDate(i.createdAt)}, expires {formatDate(i.expiresAt)}
                  </span>
                  {i.teams.length > 0 && (
                    <span className="block text-sm text-stone-700">
                      Joins {i.teams.length === 1 ? "the team" : "the teams"}{" "}
                      {andList(i.teams.map((t) => (t.archived ? `${t.name} (archived since: skipped)` : t.name)))}
                    </span>
                  )}
                </span>
                <RevokeInvitationButton invitationId={i.id} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Members">
          {members.map((m) => (
            <MemberRow key={m.userId} member={m} isSelf={m.userId === viewer.user.id} editable={assignable.includes(m.role)} roles={assignable} />
          ))}
        </ul>
      </section>
    </div>
  );
});
