import { UTCDate } from "@date-fns/utc";
import { differenceInCalendarDays } from "date-fns";
import type { Model } from "./model/schema";
import { parseDay } from "./target";

// Improvement actions: what the team will do to raise the weakest stave. An action
// belongs to the assessment it was agreed on and stays open across cycles until it is done or
// dropped; nothing is copied into the next assessment.

export const ACTION_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const actionStatusLabels: Record<ActionStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** An action still to be worked on. */
export const isOpen = (status: ActionStatus) => status === "planned" || status === "in_progress";

/** An open action whose due day has passed (in UTC). */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, now: Date): boolean {
  if (!isOpen(action.status) || action.dueOn === null) return false;
  const due = parseDay(action.dueOn);
  return due !== undefined && differenceInCalendarDays(due, new UTCDate(now)) < 0;
}

/** An improvement action as pages show it (a client component may take it). */
export type ImprovementAction = {
  id: string;
  assessmentId: string;
  /** When the assessment it was agreed on was submitted (ISO 8601). */
  agreedOn: string;
  title: string;
  description: string | null;
  ownerUserId: string | null;
  /** Who owns it: the member's name, or the free text given. */
  ownerName: string | null;
  dueOn: string | null;
  status: ActionStatus;
  areaId: string;
  questionId: string | null;
  position: number;
};

/** Who owns it, as a line says it. */
export const ownerLabel = (action: Pick<ImprovementAction, "ownerName">) => action.ownerName ?? "No owner yet";

/** What an action aims at, as a form field and a lookup key: "question:<id>" or "area:<id>". */
export const aimKey = (aim: Pick<ImprovementAction, "areaId" | "questionId">) => (aim.questionId ? `question:${aim.questionId}` : `area:${aim.areaId}`);

/** What an action aims at, in words: "Observability" or "Observability · Alerting" (ids when the model has no such area). */
export function aimLabel(model: Pick<Model, "areas">, action: Pick<ImprovementAction, "areaId" | "questionId">): string {
  const area = model.areas.find((a) => a.id === action.areaId);
  const question = action.questionId ? area?.questions.find((q) => q.id === action.questionId) : undefined;
  const areaName = area?.name ?? action.areaId;
  return action.questionId ? `${areaName} · ${question?.title ?? action.questionId}` : areaName;
}
