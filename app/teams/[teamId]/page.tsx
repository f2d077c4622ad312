import type { Metadata } from "next";
import { cache } from "react";
import { ActionSummary } from "@/components/action-summary";
import { BarrelChart } from "@/components/charts/barrel-chart";
import { HeadlineNumbers } from "@/components/headline-numbers";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { cadenceLabels, NOT_ASSESSED } from "@/lib/cadence";
import { TEAM_ONLY_RESULTS } from "@/lib/dashboard/privacy";
import { formatDate } from "@/lib/format";
import { page } from "@/server/page";
import { requireMember } from "@/server/session";
import { teamView } from "@/views/team";
import { ArchiveTeamButton } from "../_components/archive-team-button";
import { CadenceForm } from "./_components/cadence-form";
import { EvidenceDue } from "./_components/evidence-due";
import { RenameTeamForm } from "./_components/rename-team-form";
import { StartAssessmentForm } from "./_components/start-assessment-form";
import { TeamMembers } from "./_components/team-members";

type Props = { params: Promise<{ teamId: string }> };

// The title and the page read the same view once per request.
const view = cache(async (teamId: string) => teamView((await requireMember()).ctx, teamId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await view((await params).teamId).catch(() => undefined);
  return { title: found?.team.name ?? "Team" };
}

export default page(async (_caller, { params }: Props) => {
  const { team, screen } = await view((await params).teamId);
  const { canManage, canStart, due, latest, resultsPrivate } = screen;
  const now = new Date();
  const overdue = screen.openActions.filter((a) => a.overdue).length;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-stone-600">
            <IntentLink href="/teams" className="hover:underline">
              Teams
            </IntentLink>{" "}
            /
          </p>
          <h1 className="text-2xl font-bold text-wood-900">
            {team.name}
            {team.archivedAt && <span className="ml-2 rounded bg-stone-200 px-2 py-0.5 align-middle text-sm font-medium text-stone-700">Archived</span>}
          </h1>
          {!team.archivedAt && (
            <p className="mt-1 text-sm text-stone-700" data-testid="team-due">
              {cadenceLabels[team.cadence]}
              {due && (
                <>
                  {" "}
                  · <span className={due.overdue ? "font-semibold text-amber-800" : undefined}>{due.text}</span>
                </>
              )}
              {!team.lastSubmittedAt && !resultsPrivate && (
                <>
                  {" "}
                  · {NOT_ASSESSED}
                  {canStart && !screen.hasDraft && (
                    <>
                      {" "}
                      —{" "}
                      <a href="#start-assessment" className="font-semibold text-wood-700 underline">
                        start the first
                      </a>
                    </>
                  )}
                </>
              )}
            </p>
          )}
        </div>
        {canStart && (
          <div id="start-assessment">
            <StartAssessmentForm teamId={team.id} models={screen.startable} modelId={screen.startModelId} resume={screen.hasDraft} />
          </div>
        )}
      </div>

      {resultsPrivate ? (
        <p role="note" className={`${card} text-stone-800`} data-testid="results-private">
          {TEAM_ONLY_RESULTS} You see who is in the team; its assessments, results, trend and actions stay with the team.
        </p>
      ) : team.latest && latest ? (
        <section className={`${card} space-y-4`} aria-labelledby="latest-heading">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="latest-heading" className="text-lg font-semibold">
              Latest result · {formatDate(team.latest.submittedAt)}
            </h2>
            <div className="flex gap-3">
              <IntentLink className={button.quiet} href={`/teams/${team.id}/assessments/${team.latest.assessmentId}/results`}>
                Full results
              </IntentLink>
              <IntentLink className={button.quiet} href={`/teams/${team.id}/trend`}>
                Trend over time
              </IntentLink>
              {screen.canExportHistory && (
                <a className={button.quiet} href={`/organisation/history/export?team=${team.id}`} download>
                  Export history (JSON)
                </a>
              )}
            </div>
          </div>
          {latest.moved && (
            <p className="text-sm text-stone-700" data-testid="moved-summary">
              Since {formatDate(latest.moved.since)}: {latest.moved.summary}{" "}
              <IntentLink className="font-medium text-wood-700 underline" href={`/teams/${team.id}/assessments/${team.latest.assessmentId}/results#what-moved`}>
                What moved
              </IntentLink>
            </p>
          )}
          <HeadlineNumbers score={team.latest.score} scaleMax={latest.scaleMax} digits={latest.digits} />
          <BarrelChart score={team.latest.score} scale={latest.scale} digits={latest.digits} compact />
        </section>
      ) : (
        <p className={card} data-testid="no-result-yet">
          The barrel appears here once the team submits its first assessment.
          {canStart && (screen.hasDraft ? " Continue the open one above." : " Start one above.")}
        </p>
      )}

      {screen.openActions.length > 0 && (
        <section aria-labelledby="open-actions-heading">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="open-actions-heading" className="text-lg font-semibold">
              Open actions{" "}
              <span className="text-sm font-normal text-stone-600">
                · {screen.openActions.length}
                {overdue > 0 && `, ${overdue} overdue`}
              </span>
            </h2>
            <a href={`/teams/${team.id}/actions/export`} className={button.quiet} download>
              All actions as CSV
            </a>
          </div>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Open actions">
            {screen.openActions.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3" data-testid="open-action">
                <ActionSummary action={a} aim={a.aim} now={now} />
                <IntentLink className={button.quiet} href={`/teams/${team.id}/assessments/${a.assessmentId}/results#actions`}>
                  Agreed {formatDate(a.agreedOn)}
                  <span className="sr-only">: open “{a.title}”</span>
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
      )}

      {team.latest && <EvidenceDue evidence={screen.evidenceDue} resultsHref={`/teams/${team.id}/assessments/${team.latest.assessmentId}/results`} />}

      {!resultsPrivate && (
        <section aria-labelledby="assessments-heading">
          <h2 id="assessments-heading" className="text-lg font-semibold">
            Assessments
          </h2>
          {team.assessments.length === 0 ? (
            <p className="mt-2 text-stone-700">None yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {team.assessments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <span>
                    <span className="font-medium">{a.status === "draft" ? "Draft" : `Submitted ${formatDate(a.submittedAt!)}`}</span>
                    <span className="text-sm text-stone-600">
                      {" "}
                      · {a.model.modelName} {a.model.modelVersion} · started {formatDate(a.createdAt)}
                    </span>
                  </span>
                  <IntentLink className={button.quiet} href={`/teams/${team.id}/assessments/${a.id}${a.status === "submitted" ? "/results" : ""}`}>
                    {a.status === "draft" ? "Continue answering" : "View results"}
                  </IntentLink>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <TeamMembers teamId={team.id} members={screen.members} candidates={screen.candidates} canManage={canManage} />

      {canStart && (
        <section className={`${card} space-y-2`} aria-labelledby="cadence-heading">
          <h2 id="cadence-heading" className="text-lg font-semibold">
            How often to assess
          </h2>
          <p className="text-sm text-stone-600">
            The next assessment falls due one cadence after the last one was submitted. Due dates help the team plan; they are not shown to anyone as a list of
            late teams.
          </p>
          <CadenceForm teamId={team.id} cadence={team.cadence} />
        </section>
      )}

      {canManage && (
        <section className={`${card} space-y-4`} aria-labelledby="manage-heading">
          <h2 id="manage-heading" className="text-lg font-semibold">
            Manage team
          </h2>
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
});
