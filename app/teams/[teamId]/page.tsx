import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarrelChart } from "@/components/charts/barrel-chart";
import { HeadlineNumbers } from "@/components/headline-numbers";
import { button, card } from "@/components/ui/styles";
import { listAssessments, listSubmittedAssessments } from "@/db/queries/assessments";
import { getTeam } from "@/db/queries/teams";
import { formatDate } from "@/lib/format";
import { scaleBounds } from "@/lib/model/lookup";
import { scoreAssessment } from "@/lib/scoring";
import { listMembers } from "@/db/queries/members";
import { listTeamMembers } from "@/db/queries/team-members";
import { can } from "@/lib/permissions";
import { allowed } from "@/server/authorize";
import { requireViewer } from "@/server/session";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { ArchiveTeamButton } from "../_components/archive-team-button";
import { RenameTeamForm } from "./_components/rename-team-form";
import { StartAssessmentForm } from "./_components/start-assessment-form";
import { TeamMembers } from "./_components/team-members";
import { isUuid } from "@/lib/validation/ids";

type Props = { params: Promise<{ teamId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { teamId } = await params;
  const { organisation } = await requireViewer();
  const team = isUuid(teamId) ? await getTeam(organisation.id, teamId) : undefined;
  return { title: team?.name ?? "Team" };
}

export default async function TeamPage({ params }: Props) {
  const { teamId } = await params;
  const viewer = await requireViewer();
  const { organisation } = viewer;
  if (!isUuid(teamId)) notFound();
  const canManage = can(viewer.role, "teams.manage");
  const [team, allAssessments, submitted, teamMembers, orgMembers, canEdit, canSeeDrafts] = await Promise.all([
    getTeam(organisation.id, teamId),
    listAssessments(organisation.id, teamId),
    listSubmittedAssessments(organisation.id, teamId),
    listTeamMembers(organisation.id, teamId),
    canManage ? listMembers(organisation.id) : Promise.resolve([]),
    allowed(viewer, "assessments.edit", teamId),
    allowed(viewer, "drafts.read", teamId),
  ]);
  if (!team) notFound();
  // Drafts are never visible outside the team.
  const assessments = canSeeDrafts ? allAssessments : allAssessments.filter((a) => a.status === "submitted");
  const draft = assessments.find((a) => a.status === "draft");
  const latest = submitted.at(-1);
  const latestScore = latest && scoreAssessment(latest.model, latest.answers);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-stone-600">
            <Link href="/teams" className="hover:underline">Teams</Link> /
          </p>
          <h1 className="text-2xl font-bold text-wood-900">
            {team.name}
            {team.archivedAt && <span className="ml-2 rounded bg-stone-200 px-2 py-0.5 align-middle text-sm font-medium text-stone-700">Archived</span>}
          </h1>
        </div>
        {!team.archivedAt && canEdit && (
          <StartAssessmentForm teamId={team.id} modelId={CORE_MODEL_ID} label={draft ? "Continue the open assessment" : "Start an assessment"} />
        )}
      </div>

      {latest && latestScore ? (
        <section className={`${card} space-y-4`} aria-labelledby="latest-heading">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="latest-heading" className="text-lg font-semibold">Latest result · {formatDate(latest.submittedAt)}</h2>
            <div className="flex gap-3">
              <Link className={button.quiet} href={`/teams/${team.id}/assessments/${latest.id}/results`}>Full results</Link>
              <Link className={button.quiet} href={`/teams/${team.id}/trend`}>Trend over time</Link>
            </div>
          </div>
          <HeadlineNumbers score={latestScore} scaleMax={scaleBounds(latest.model).max} />
          <BarrelChart score={latestScore} scale={latest.model.scale} compact />
        </section>
      ) : (
        <p className={card}>No submitted assessments yet. Start one to see this team&apos;s barrel.</p>
      )}

      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading" className="text-lg font-semibold">Assessments</h2>
        {assessments.length === 0 ? (
          <p className="mt-2 text-stone-700">None yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {assessments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <span>
                  <span className="font-medium">{a.status === "draft" ? "Draft" : `Submitted ${formatDate(a.submittedAt!)}`}</span>
                  <span className="text-sm text-stone-600"> · {a.modelName} {a.modelVersion} · started {formatDate(a.createdAt)}</span>
                </span>
                <Link
                  className={button.quiet}
                  href={`/teams/${team.id}/assessments/${a.id}${a.status === "submitted" ? "/results" : ""}`}
                >
                  {a.status === "draft" ? "Continue answering" : "View results"}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <TeamMembers teamId={team.id} members={teamMembers} candidates={orgMembers} canManage={canManage} />

      {canManage && (
        <section className={`${card} space-y-4`} aria-labelledby="manage-heading">
          <h2 id="manage-heading" className="text-lg font-semibold">Manage team</h2>
          <RenameTeamForm teamId={team.id} name={team.name} />
          <div className="flex items-center gap-3">
            <ArchiveTeamButton teamId={team.id} teamName={team.name} archived={team.archivedAt !== null} />
            <p className="text-sm text-stone-600">
              {team.archivedAt ? "Restoring lets the team start assessments again." : "Archived teams keep their history but cannot start assessments."}
            </p>
          </div>
        </section>
      )}
    </div>
  );
}
