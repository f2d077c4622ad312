import type { WorkshopStatus } from "./rules";

// Where a workshop in a list leads: the facilitator's console and the presenter view while it runs
// (the console only for whoever runs it), and its report, always.

export type WorkshopLinks = { console?: string; presenter?: string; report: string };

/** A workshop as a list shows it. */
export type WorkshopListItem = {
  id: string;
  teamName: string;
  status: WorkshopStatus;
  state: string;
  openedAt: string;
  endedAt: string | null;
  facilitator: string;
  participants: number;
  links: WorkshopLinks;
};

export function workshopLinks(w: { id: string; teamId: string; assessmentId: string; status: WorkshopStatus }, { mayRun }: { mayRun: boolean }): WorkshopLinks {
  const running = w.status !== "ended";
  return {
    ...(running && mayRun && { console: `/teams/${w.teamId}/assessments/${w.assessmentId}/workshop` }),
    ...(running && { presenter: `/workshops/${w.id}/present` }),
    report: `/workshops/${w.id}/report`,
  };
}

/** "Running", "Paused" or "Ended": what a list says of a workshop's state. */
export const workshopStateLabel = (status: WorkshopStatus) => ({ open: "Running", paused: "Paused", ended: "Ended" })[status];
