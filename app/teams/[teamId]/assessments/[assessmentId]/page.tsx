import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IntentLink } from "@/components/ui/intent-link";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { page } from "@/server/page";
import { questionnaireView } from "@/views/questionnaire";
import { CarriedForward } from "./_components/carried-forward";
import { Questionnaire } from "./_components/questionnaire";

type Props = { params: Promise<{ teamId: string; assessmentId: string }> };

export const metadata: Metadata = { title: "Assessment" };

export default page(async ({ ctx }, { params }: Props) => {
  const { teamId, assessmentId } = await params;
  const view = await questionnaireView(ctx, { teamId, assessmentId }).catch((error: unknown) => {
    // A submitted assessment is read from its results.
    if (error instanceof AppError && error.code === "read_only") redirect(`/teams/${teamId}/assessments/${assessmentId}/results`);
    throw error;
  });
  const { respondents } = view;
  const base = `/teams/${view.teamId}/assessments/${view.assessmentId}`;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">
            Teams
          </IntentLink>{" "}
          /{" "}
          <IntentLink href={`/teams/${view.teamId}`} className="hover:underline">
            {view.teamName}
          </IntentLink>{" "}
          /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">
          {view.teamName}: {view.model.name} assessment
        </h1>
        <p className="mt-1 text-sm text-stone-700">
          Pick the description that matches what the team does today, not what it plans to do. Every answer saves as you choose it.{" "}
          <IntentLink href={`${base}/workshop`} className="font-medium text-wood-700 underline">
            Run it as a live workshop
          </IntentLink>{" "}
          to answer it together, voting from phones.
        </p>
        {view.model.coverage && (
          <p className="mt-1 text-sm text-stone-700" data-testid="coverage">
            <strong>Scope:</strong> {view.model.coverage}
          </p>
        )}
        {respondents && (
          <p className="mt-2 rounded-md border border-water-300 bg-stone-50 px-3 py-2 text-sm text-stone-800" data-testid="own-answers">
            <strong>These are your own answers.</strong> Each member of the team answers on their own
            {view.respondentMode === "anonymous" ? ", anonymously: the lead sees the levels chosen, not by whom" : "; the lead sees who chose what"}. The team
            answer is the median, until the lead sets it.{" "}
            {respondents.leadHref && (
              <IntentLink href={respondents.leadHref} className="font-medium text-wood-700 underline">
                See everyone&apos;s answers and the spread
              </IntentLink>
            )}
          </p>
        )}
      </div>
      <CarriedForward cycle={view.cycle} open={view.open} model={view.model} now={new Date()} />
      <Questionnaire
        assessmentId={view.assessmentId}
        model={view.outline}
        texts={view.texts}
        areasHref={`${base}/areas`}
        initial={view.initial}
        carried={view.carried}
        lastCycle={view.lastCycle && { ...view.lastCycle, on: formatDate(view.lastCycle.on) }}
        aimed={view.aimed}
        respondents={respondents}
        evidence={view.evidence}
      />
    </div>
  );
});
