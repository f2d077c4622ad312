import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { questionnaireModel } from "@/lib/model/lookup";
import { Questionnaire } from "./_components/questionnaire";
import { toLocalAnswer } from "./_components/local-answer";
import { loadAssessment } from "./load";

type Props = { params: Promise<{ teamId: string; assessmentId: string }> };

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: Props) {
  const { assessment } = await loadAssessment(params);
  if (assessment.status === "submitted") {
    redirect(`/teams/${assessment.teamId}/assessments/${assessment.id}/results`);
  }
  const initial = Object.fromEntries(assessment.answers.map((a) => [a.questionId, toLocalAnswer(a.value, a.note)]));
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/teams" className="hover:underline">Teams</IntentLink> /{" "}
          <IntentLink href={`/teams/${assessment.teamId}`} className="hover:underline">{assessment.teamName}</IntentLink> /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">
          {assessment.teamName}: {assessment.model.name} assessment
        </h1>
        <p className="mt-1 text-sm text-stone-700">
          Pick the description that matches what the team does today, not what it plans to do. Every answer saves as you
          choose it.
        </p>
      </div>
      <Questionnaire assessmentId={assessment.id} model={questionnaireModel(assessment.model)} initial={initial} />
    </div>
  );
}
