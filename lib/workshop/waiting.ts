import type { WorkshopView } from "./view";

/**
 * What the facilitator is told about who the room still waits for: with auto-reveal on, who holds
 * up the reveal (by name, or by number in an anonymous workshop); without it, who has still to
 * vote where names are known. Nothing once everyone has voted or the votes are shown.
 */
export function waitingText(view: Pick<WorkshopView, "room" | "voted" | "phase" | "status" | "autoReveal" | "facilitator">): string | null {
  const waiting = view.room - view.voted;
  if (view.phase !== "voting" || view.status !== "open" || waiting <= 0 || !view.facilitator) return null;
  const names = view.facilitator.waitingNames;
  if (view.autoReveal)
    return names.length > 0 ? `Auto-reveal waits for: ${names.join(", ")}` : `Auto-reveal waits for ${waiting} more ${waiting === 1 ? "vote" : "votes"}`;
  return names.length > 0 ? `Still to vote: ${names.join(", ")}` : null;
}
