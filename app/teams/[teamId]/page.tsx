import type { Metadata } from "next";
import { ActionSummary } from "@/components/action-summary";
import { BarrelChart } from "@/components/charts/barrel-chart";
import { HeadlineNumbers } from "@/components/headline-numbers";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { listAssessments } from "@/db/queries/assessments";
import { listTeamActions } from "@/db/queries/improvement-actions";
import { listMembers } from "@/db/queries/members";
import { getModelVersion, listLatestModels } from "@/db/queries/model-versions";
import { latestTeamScores } from "@/db/queries/scores";
import { listTeamMembers } from "@/db/queries/team-members";
import { cadenceLabels, dueText, nextDue, NOT_ASSESSED } from "@/lib/cadence";
import { formatDate } from "@/lib/format";
import { aimLabel, isOverdue } from "@/lib/improvement-actions";
import { openActions } from "@/lib/improvement-cycle";
import { CORE_MODEL_ID } from "@/lib/model/core";
import { scaleBounds } from "@/lib/model/lookup";
import { allows, can } from "@/lib/permissions";
import { movedSummary } from "@/lib/what-moved";
import { ArchiveTeamButton } from "../_components/archive-team-button";
import { CadenceForm } from "./_components/cadence-form";
import { RenameTeamForm } from "./_components/rename-team-form";
import { StartAssessmentForm } from "./_components/start-assessment-form";
import { TeamMembers } from "./_components/team-members";
import { loadTeam } from "./load";
import { startOptions } from "./start-options";

type Props = { params: Promise<{ teamId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { team } = await loadTeam((await params).teamId);
  return { title: team.name };
}

export default async function TeamPage({ params }: Props) {
  const { viewer, ctx, team } = await loadTeam((await params).teamId);
  const canManage = can(viewer.role, "teams.manage");
  const canEdit = allows(ctx.actor, "assessments.edit", team.scope);
  const canStart = !team.archivedAt && canEdit;
  const { cadence } = team;
  const [assessments, [latest, previous], teamMembers, orgMembers, actions, models] = await Promise.all([
    listAssessments(ctx, team.id),
    latestTeamScores(ctx, team.id, 2),
    listTeamMembers(ctx, team.id),
    canManage ? listMembers(ctx) : Promise.resolve([]),
    listTeamActions(ctx, team.id),
    canStart ? listLatestModels(ctx) : Promise.resolve([]),
  ]);
  const now = new Date();
  const open = openActions(actions);
  const overdue = open.filter((a) => isOverdue(a, now)).length;
  const draft = assessments.find((a) => a.status === "draft");
  const due = !team.archivedAt && cadence.lastSubmittedAt ? nextDue(cadence.cadence, cadence.lastSubmittedAt, now) : undefined;
  const [model, startable] = await Promise.all([
    latest && getModelVersion(ctx.db, latest.modelVersionId),
    canStart && !draft ? startOptions(ctx, team.id, models, new Set(assessments.filter((a) => a.status === "submitted").map((a) => a.modelId))) : [],
  ]);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-stone-600">
            <IntentLink href="/teams" className="hover:underline">Teams</IntentLink> /
          </p>
          <h1 className="text-2xl font-bold text-wood-900">
            {team.name}
            {team.archivedAt && <span className="ml-2 rounded bg-stone-200 px-2 py-0.5 align-middle text-sm font-medium text-stone-700">Archived</span>}
          </h1>
          {!team.archivedAt && (
            <p className="mt-1 text-sm text-stone-700" data-testid="team-due">
              {cadenceLabels[cadence.cadence]}
              {due && <> · <span className={due.state === "overdue" ? "font-semibold text-amber-800" : undefined}>{dueText(due)}</span></>}
              {!cadence.lastSubmittedAt && (
                <>
                  {" "}· {NOT_ASSESSED}
                  {canStart && !draft && (
                    <>
                      {" "}—{" "}
                      <a href="#start-assessment" className="font-semibold text-wood-700 underline">start the first</a>
                    </>
                  )}
                </>
              )}
            </p>
          )}
        </div>
        {canStart && (
          <div id="start-assessment">
            <StartAssessmentForm teamId={team.id} models={startable} modelId={assessments[0]?.modelId ?? CORE_MODEL_ID} resume={Boolean(draft)} />
          </div>
        )}
      </div>

      {latest && model ? (
        <section className={`${card} space-y-4`} aria-labelledby="latest-heading">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="latest-heading" className="text-lg font-semibold">Latest result · {formatDate(latest.submittedAt)}</h2>
            <div className="flex gap-3">
              <IntentLink className={button.quiet} href={`/teams/${team.id}/assessments/${latest.assessmentId}/results`}>Full results</IntentLink>
              <IntentLink className={button.quiet} href={`/teams/${team.id}/trend`}>Trend over time</IntentLink>
            </div>
          </div>
          {previous && previous.modelId === latest.modelId && (
            <p className="text-sm text-stone-700" data-testid="moved-summary">
              Since {formatDate(previous.submittedAt)}: {movedSummary(previous.score, latest.score)}{" "}
              <IntentLink className="font-medium text-wood-700 underline" href={`/teams/${team.id}/assessments/${latest.assessmentId}/results#what-moved`}>
                What moved
              </IntentLink>
            </p>
          )}
          <HeadlineNumbers score={latest.score} scaleMax={scaleBounds(model).max} />
          <BarrelChart score={latest.score} scale={model.scale} compact />
        </section>
      ) : (
        <p className={card} data-testid="no-result-yet">
          The barrel appears here once the team submits its first assessment.
          {canStart && (draft ? " Continue the open one above." : " Start one above.")}
        </p>
      )}

      {open.length > 0 && (
        <section aria-labelledby="open-actions-heading">
          <h2 id="open-actions-heading" className="text-lg font-semibold">
            Open actions <span className="text-sm font-normal text-stone-600">· {open.length}{overdue > 0 && `, ${overdue} overdue`}</span>
          </h2>
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Open actions">
            {open.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3" data-testid="open-action">
                <ActionSummary action={a} aim={model ? aimLabel(model, a) : a.areaId} now={now} />
                <IntentLink className={button.quiet} href={`/teams/${team.id}/assessments/${a.assessmentId}/results#actions`}>
                  Agreed {formatDate(a.agreedOn)}<span className="sr-only">: open “{a.title}”</span>
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
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
                <IntentLink className={button.quiet} href={`/teams/${team.id}/assessments/${a.id}${a.status === "submitted" ? "/results" : ""}`}>
                  {a.status === "draft" ? "Continue answering" : "View results"}
                </IntentLink>
              </li>
            ))}
          </ul>
        )}
      </section>

      <TeamMembers teamId={team.id} members={teamMembers} candidates={orgMembers} canManage={canManage} />

      {canStart && (
        <section className={`${card} space-y-2`} aria-labelledby="cadence-heading">
          <h2 id="cadence-heading" className="text-lg font-semibold">How often to assess</h2>
          <p className="text-sm text-stone-600">The next assessment falls due one cadence after the last one was submitted. Due dates help the team plan; they are not shown to anyone as a list of late teams.</p>
          <CadenceForm teamId={team.id} cadence={cadence.cadence} />
        </section>
      )}

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
