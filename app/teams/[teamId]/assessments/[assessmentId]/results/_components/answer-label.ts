import { countedLevel, type AnswerValue } from "@/lib/answer";
import { levelLabel } from "@/lib/model/lookup";
import type { Model } from "@/lib/model/schema";

export function answerLabel(model: Model, value: AnswerValue | undefined): string {
  if (!value) return "No answer";
  if (value.kind === "unsure") return `Unsure (counted as ${countedLevel(value, model.scale[0]!.value)})`;
  if (value.kind === "not_applicable") return "Not applicable";
  return `${value.level} · ${levelLabel(model, value.level)}`;
}
