import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BarrelChart } from "@/components/charts/barrel-chart";
import { RadarChart } from "@/components/charts/radar-chart";
import { HeadlineNumbers } from "@/components/headline-numbers";
import { IntentLink } from "@/components/ui/intent-link";
import { PrintButton } from "@/components/ui/print-button";
import { button, card } from "@/components/ui/styles";
import { reviewText } from "@/lib/carry";
import { AppError } from "@/lib/errors";
import { staleByArea } from "@/lib/evidence/stored";
import { formatDate } from "@/lib/format";
import { plural } from "@/lib/words";
import { scoreDigits, scoreMarks } from "@/lib/model/scoring-rules";
import { page } from "@/server/page";
import { HandOver } from "@/app/_components/hand-over";
import { resultsView } from "@/views/results";
import { AreaBreakdown } from "./_components/area-breakdown";
import { ImprovementPlan } from "./_components/improvement-plan";
import { LapsedEvidence } from "./_components/lapsed-evidence";
import { LastCycle } from "./_components/last-cycle";
import { NextSteps } from "./_components/next-steps";
import { WhatMovedSection } from "./_components/what-moved";

type Props = {
  params: Promise<{ teamId: string; assessmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Results" };

export default page(async ({ ctx }, { params, searchParams }: Props) => {
  const { teamId, assessmentId } = await params;
  const asked = (await searchParams).compare;
  const { results, screen } = await resultsView(ctx, { teamId, assessmentId }, { compare: typeof asked === "string" ? asked : undefined, notes: true }).catch(
    (error: unknown) => {
      // A draft has no results yet: its page is the questionnaire.
      if (error instanceof AppError && error.code === "incomplete") redirect(`/teams/${teamId}/assessments/${assessmentId}`);
      throw error;
    },
  );
  const { model } = screen;
  const { score, spread } = results;
  const digits = scoreDigits(model);
  const now = new Date();
  const cappedAreas = new Set(screen.measured.filter((m) => m.capped).map((m) => m.areaId));
  const lowered = model.areas.filter((a) => cappedAreas.has(a.id)).map((a) => a.name);
  const lapsedAreas = screen.lapsed?.areas.map((a) => a.name) ?? [];
  const stale = staleByArea(model, Object.values(screen.evidence));
  const staleStaves = model.areas.filter((a) => stale[a.id]).map((a) => `${a.name} (${plural(stale[a.id]!, "answer")})`);

  return (
    <div className="space-y-8">
      <HandOver />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-stone-600 no-print">
            <IntentLink href="/teams" className="hover:underline">
              Teams
            </IntentLink>{" "}
            /{" "}
            <IntentLink href={`/teams/${results.teamId}`} className="hover:underline">
              {results.teamName}
            </IntentLink>{" "}
            /
          </p>
          <h1 className="text-2xl font-bold text-wood-900">{results.teamName}: results</h1>
          <p className="text-sm text-stone-700">
            {results.model.modelName} {results.model.modelVersion} · submitted {formatDate(results.submittedAt)} · read-only
          </p>
          {screen.startedFrom && (
            <p className="text-sm text-stone-700" data-testid="review-counts">
              Started from the assessment of {formatDate(screen.startedFrom.submittedAt)}: {reviewText(screen.startedFrom.review)}.
            </p>
          )}
          {spread && (
            <p className="text-sm text-stone-700" data-testid="respondents">
              Answered by {spread.respondents} respondent{spread.respondents === 1 ? "" : "s"}
              {results.respondents === "anonymous" ? ", anonymously" : ""}; the team answers are their medians unless the lead set them.{" "}
              {screen.respondentsHref && (
                <IntentLink href={screen.respondentsHref} className="font-medium text-wood-700 underline no-print">
                  Everyone&apos;s answers
                </IntentLink>
              )}
            </p>
          )}
          {screen.workshopId && (
            <p className="text-sm text-stone-700">
              A live workshop ran on this assessment:{" "}
              <IntentLink href={`/workshops/${screen.workshopId}/report`} className="font-medium text-wood-700 underline">
                its report
              </IntentLink>{" "}
              shows every question&apos;s votes, their spread and what the room agreed.
            </p>
          )}
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <PrintButton />
          <IntentLink href={`/teams/${results.teamId}/trend`} className={button.secondary}>
            Trend over time
          </IntentLink>
          <a href={`/teams/${results.teamId}/assessments/${results.assessmentId}/results/export`} className={button.secondary} download>
            Answers as CSV
          </a>
        </div>
      </div>

      <HeadlineNumbers score={score} scaleMax={screen.scaleMax} digits={digits} />

      {/* On paper the barrel and the radar share a row, as on a wide screen, and neither is cut by a page. */}
      <div className="grid gap-6 lg:grid-cols-5 print:grid-cols-5 print:gap-3">
        <section className={`${card} print-avoid-break lg:col-span-3 print:col-span-3`} aria-labelledby="barrel-heading">
          <h2 id="barrel-heading" className="text-lg font-semibold">
            The barrel
          </h2>
          <p className="text-sm text-stone-600">Each stave is an area. The water can rise no higher than the lowest one.</p>
          <BarrelChart score={score} scale={scoreMarks(model)} digits={digits} />
          {lowered.length > 0 && (
            <p className="mt-2 text-sm text-amber-900" data-testid="lowered-by-data">
              Lowered by delivery data: {lowered.join(", ")}. The organisation lets measured levels cap answers; “Area by area” shows which.
            </p>
          )}
          {staleStaves.length > 0 && lapsedAreas.length === 0 && (
            <p className="mt-2 text-sm text-red-800" data-testid="barrel-stale">
              Stale evidence behind: {staleStaves.join(", ")}.
            </p>
          )}
          {lapsedAreas.length > 0 && (
            <p className="mt-2 text-sm text-red-800" data-testid="lowered-by-lapses">
              Lowered by stale evidence: {lapsedAreas.join(", ")}. The organisation counts answers whose evidence expired lower; “Area by area” shows which.
            </p>
          )}
        </section>
        <section className={`${card} print-avoid-break lg:col-span-2 print:col-span-2`} aria-labelledby="radar-heading">
          <h2 id="radar-heading" className="text-lg font-semibold">
            Shape
          </h2>
          <p className="text-sm text-stone-600">The same scores as a radar: a lopsided shape shows uneven investment.</p>
          <RadarChart score={score} max={screen.scaleMax} digits={digits} />
        </section>
      </div>

      {screen.lapsed && <LapsedEvidence lapsed={screen.lapsed} digits={digits} />}

      {screen.moved && (
        <WhatMovedSection
          moved={screen.moved.moved}
          before={screen.moved.before}
          after={model}
          earlier={screen.moved.earlier}
          comparedWith={screen.moved.comparedWith}
          review={screen.moved.review}
          lowered={screen.lowered}
        />
      )}

      {screen.lastCycle && <LastCycle cycle={screen.lastCycle.cycle} teamId={results.teamId} model={model} verdict={screen.lastCycle.verdict} now={now} />}

      <NextSteps assessmentId={results.assessmentId} model={model} score={score} answers={results.answers} actions={screen.actions} canAdd={screen.canEdit} />

      <ImprovementPlan
        assessmentId={results.assessmentId}
        model={model}
        {...screen.plan}
        actions={screen.actions.filter((a) => a.assessmentId === results.assessmentId)}
        now={now}
      />

      <AreaBreakdown
        model={model}
        score={score}
        answers={results.answers}
        spreads={spread?.areas}
        evidence={screen.evidence}
        measured={screen.measured}
        lapses={screen.lapses}
      />
    </div>
  );
});
