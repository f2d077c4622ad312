import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BarrelChart } from "@/components/charts/barrel-chart";
import { RadarChart } from "@/components/charts/radar-chart";
import { HeadlineNumbers } from "@/components/headline-numbers";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { getAssessmentScore } from "@/db/queries/scores";
import { formatDate } from "@/lib/format";
import { scaleBounds } from "@/lib/model/lookup";
import { loadAssessment } from "../load";
import { AreaBreakdown } from "./_components/area-breakdown";
import { NextSteps } from "./_components/next-steps";

type Props = { params: Promise<{ teamId: string; assessmentId: string }> };

export const metadata: Metadata = { title: "Results" };

export default async function ResultsPage({ params }: Props) {
  const { ctx, assessment } = await loadAssessment(params);
  if (assessment.status !== "submitted") redirect(`/teams/${assessment.teamId}/assessments/${assessment.id}`);
  const score = await getAssessmentScore(ctx, assessment.id);
  if (!score) notFound();
  const { model } = assessment;
  const { max } = scaleBounds(model);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-stone-600 no-print">
            <IntentLink href="/teams" className="hover:underline">Teams</IntentLink> /{" "}
            <IntentLink href={`/teams/${assessment.teamId}`} className="hover:underline">{assessment.teamName}</IntentLink> /
          </p>
          <h1 className="text-2xl font-bold text-wood-900">{assessment.teamName}: results</h1>
          <p className="text-sm text-stone-700">
            {model.name} {model.version} · submitted {formatDate(assessment.submittedAt!)} · read-only
          </p>
        </div>
        <IntentLink href={`/teams/${assessment.teamId}/trend`} className={`${button.secondary} no-print`}>
          Trend over time
        </IntentLink>
      </div>

      <HeadlineNumbers score={score} scaleMax={max} />

      <div className="grid gap-6 lg:grid-cols-5">
        <section className={`${card} lg:col-span-3`} aria-labelledby="barrel-heading">
          <h2 id="barrel-heading" className="text-lg font-semibold">The barrel</h2>
          <p className="text-sm text-stone-600">Each stave is an area. The water can rise no higher than the lowest one.</p>
          <BarrelChart score={score} scale={model.scale} />
        </section>
        <section className={`${card} lg:col-span-2`} aria-labelledby="radar-heading">
          <h2 id="radar-heading" className="text-lg font-semibold">Shape</h2>
          <p className="text-sm text-stone-600">The same scores as a radar: a lopsided shape shows uneven investment.</p>
          <RadarChart score={score} max={max} />
        </section>
      </div>

      <NextSteps model={model} score={score} answers={assessment.answers} />
      <AreaBreakdown model={model} score={score} answers={assessment.answers} />
    </div>
  );
}
