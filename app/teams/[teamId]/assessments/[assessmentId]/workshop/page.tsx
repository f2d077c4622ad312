import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { AppError } from "@/lib/errors";
import { formatJoinCode } from "@/lib/workshop/join-code";
import { joinLink, LOCAL_ONLY } from "@/server/join-link";
import { page } from "@/server/page";
import { assessmentWorkshopView } from "@/views/workshop";
import { AgreeNextBottleneck } from "./_components/agree-next-bottleneck";
import { FacilitatorConsole } from "./_components/facilitator-console";
import { OpenWorkshopForm } from "./_components/open-workshop-form";

type Props = { params: Promise<{ teamId: string; assessmentId: string }> };

export const metadata: Metadata = { title: "Workshop" };

/** The facilitator's page for running a team's draft assessment as a live workshop. */
export default page(async ({ ctx }, { params }: Props) => {
  const { teamId, assessmentId } = await params;
  const base = `/teams/${teamId}/assessments/${assessmentId}`;
  const view = await assessmentWorkshopView(ctx, { teamId, assessmentId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "read_only") redirect(`${base}/results`);
    throw error;
  });
  const { running, canRun } = view;
  const link = running && (await joinLink(running.joinCode));

  return (
    <div className={running ? "space-y-4" : "space-y-6"}>
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">
            Teams
          </IntentLink>{" "}
          /{" "}
          <IntentLink href={`/teams/${view.teamId}`} className="hover:underline">
            {view.teamName}
          </IntentLink>{" "}
          /{" "}
          <IntentLink href={base} className="hover:underline">
            Assessment
          </IntentLink>{" "}
          /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">{view.teamName}: live workshop</h1>
        {/* While a workshop runs the console needs the screen: the explanation is for before it opens. */}
        {!running && (
          <p className="mt-1 text-stone-700">
            The room votes on each question from their phones; you reveal the votes together, talk about the spread, and record what the team agrees. The rest
            of the questions can be answered outside the workshop.
          </p>
        )}
      </div>

      {!canRun ? (
        <p className={card}>Only the team&apos;s members, facilitators, admins and owners can run its workshop.</p>
      ) : !running ? (
        <>
          {view.endedId && <AgreeNextBottleneck workshopId={view.endedId} reportHref={`/workshops/${view.endedId}/report`} />}
          <section className={card} aria-labelledby="open-heading">
            <h2 id="open-heading" className="mb-3 text-lg font-semibold">
              Open a workshop
            </h2>
            {view.endedId && (
              <p className="mb-3 text-sm text-stone-700">
                The last workshop on this assessment has ended:{" "}
                <IntentLink className="font-medium text-wood-700 underline" href={`/workshops/${view.endedId}/report`}>
                  read its report
                </IntentLink>
                , with the weakest stave so far. Next, answer any questions still open and submit:{" "}
                <IntentLink className="font-medium text-wood-700 underline" href={base}>
                  the assessment
                </IntentLink>
                &apos;s results then hold the target and first actions the room agrees.
              </p>
            )}
            <OpenWorkshopForm assessmentId={view.assessmentId} />
          </section>
        </>
      ) : running.console ? (
        <FacilitatorConsole
          initial={running.console.initial}
          questions={running.console.questions}
          join={{ url: link!.url, qr: link!.qr, code: formatJoinCode(running.joinCode), localOnly: link!.localOnly ? LOCAL_ONLY : null }}
        />
      ) : (
        <>
          <section className={`${card} flex flex-wrap items-center gap-6`} aria-labelledby="join-heading">
            <div className="h-36 w-36 shrink-0" role="img" aria-label={`QR code for ${link!.url}`} dangerouslySetInnerHTML={{ __html: link!.qr }} />
            <div className="space-y-2">
              <h2 id="join-heading" className="text-lg font-semibold">
                Join on your phone
              </h2>
              <p>
                Open <strong>{link!.url.replace(/\?.*$/, "")}</strong> and enter
              </p>
              {link!.localOnly && <p className="text-sm font-medium text-weak-700">{LOCAL_ONLY}</p>}
              <p className="font-mono text-3xl font-bold tracking-widest text-wood-900" data-testid="join-code">
                {formatJoinCode(running.joinCode)}
              </p>
              <div className="flex flex-wrap gap-2">
                <IntentLink className={button.secondary} href={`/workshops/${running.id}/present`}>
                  Open the presenter view
                </IntentLink>
                <IntentLink className={button.secondary} href={`/workshops/${running.id}/report`}>
                  Workshop report
                </IntentLink>
              </div>
            </div>
          </section>
          <p className={card}>
            The person who opened this workshop runs it (owners and admins can too). Follow it in the presenter view, or join it on your phone to vote.
          </p>
        </>
      )}
    </div>
  );
});
