import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { loadWorkshopRows } from "@/db/queries/workshop-view";
import { latestWorkshop, workshopAudience } from "@/db/queries/workshops";
import { questionsOf } from "@/lib/model/lookup";
import { allows } from "@/lib/permissions";
import { formatJoinCode } from "@/lib/workshop/join-code";
import { workshopView } from "@/lib/workshop/view";
import { joinLink, LOCAL_ONLY } from "@/server/join-link";
import { loadAssessment } from "../load";
import { FacilitatorConsole } from "./_components/facilitator-console";
import { OpenWorkshopForm } from "./_components/open-workshop-form";

type Props = { params: Promise<{ teamId: string; assessmentId: string }> };

export const metadata: Metadata = { title: "Workshop" };

/** The facilitator's page for running a team's draft assessment as a live workshop. */
export default async function WorkshopPage({ params }: Props) {
  const { ctx, assessment } = await loadAssessment(params);
  const base = `/teams/${assessment.teamId}/assessments/${assessment.id}`;
  if (assessment.status === "submitted") redirect(`${base}/results`);
  const latest = await latestWorkshop(ctx, assessment.id);
  const running = latest && !latest.ended ? latest : undefined;
  const canRun = allows(ctx.actor, "assessments.edit", assessment.scope);
  const [rows, audience] = running ? await Promise.all([loadWorkshopRows(ctx, running.id), workshopAudience(ctx, running.id)]) : [];
  const link = running && (await joinLink(running.joinCode));

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">Teams</IntentLink> /{" "}
          <IntentLink href={`/teams/${assessment.teamId}`} className="hover:underline">{assessment.teamName}</IntentLink> /{" "}
          <IntentLink href={base} className="hover:underline">Assessment</IntentLink> /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">{assessment.teamName}: live workshop</h1>
        <p className="mt-1 text-stone-700">
          The room votes on each question from their phones; you reveal the votes together, talk about the spread, and record what the team agrees. The rest of the
          questions can be answered outside the workshop.
        </p>
      </div>

      {!canRun ? (
        <p className={card}>Only the team&apos;s members, facilitators, admins and owners can run its workshop.</p>
      ) : !running || !rows ? (
        <section className={card} aria-labelledby="open-heading">
          <h2 id="open-heading" className="mb-3 text-lg font-semibold">Open a workshop</h2>
          {latest?.ended && (
            <p className="mb-3 text-sm text-stone-700">
              The last workshop on this assessment has ended:{" "}
              <IntentLink className="font-medium text-wood-700 underline" href={`/workshops/${latest.id}/report`}>read its report</IntentLink>, with the weakest
              stave so far. Next, answer any questions still open and submit:{" "}
              <IntentLink className="font-medium text-wood-700 underline" href={base}>the assessment</IntentLink>&apos;s results then hold the target and first actions the room agrees.
            </p>
          )}
          <OpenWorkshopForm assessmentId={assessment.id} />
        </section>
      ) : (
        <>
          <section className={`${card} flex flex-wrap items-center gap-6`} aria-labelledby="join-heading">
            <div className="h-36 w-36 shrink-0" role="img" aria-label={`QR code for ${link!.url}`} dangerouslySetInnerHTML={{ __html: link!.qr }} />
            <div className="space-y-2">
              <h2 id="join-heading" className="text-lg font-semibold">Join on your phone</h2>
              <p>
                Open <strong>{link!.url.replace(/\?.*$/, "")}</strong> and enter
              </p>
              {link!.localOnly && <p className="text-sm font-medium text-weak-700">{LOCAL_ONLY}</p>}
              <p className="font-mono text-3xl font-bold tracking-widest text-wood-900" data-testid="join-code">{formatJoinCode(running.joinCode)}</p>
              <div className="flex flex-wrap gap-2">
                <IntentLink className={button.secondary} href={`/workshops/${running.id}/present`}>Open the presenter view</IntentLink>
                <IntentLink className={button.secondary} href={`/workshops/${running.id}/report`}>Workshop report</IntentLink>
              </div>
            </div>
          </section>
          {audience === "facilitator" ? (
            <FacilitatorConsole
              initial={workshopView(rows, "facilitator")}
              questions={questionsOf(rows.model).map((q) => ({ id: q.question.id, label: `${q.index + 1}. ${q.area.name} · ${q.question.title}` }))}
            />
          ) : (
            <p className={card}>The person who opened this workshop runs it (owners and admins can too). Follow it in the presenter view, or join it on your phone to vote.</p>
          )}
        </>
      )}
    </div>
  );
}
