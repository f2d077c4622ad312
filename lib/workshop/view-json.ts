import { workshopView, type Audience, type WorkshopRows } from "./view";

// A change to a workshop reaches every screen watching it: a room of a hundred phones gets the
// same view but for each one's own vote. Each audience's view is shaped and serialised once per
// change, and a participant's own vote is added to that text, instead of shaping a hundred views.

type Shaped = { byAudience: Map<Audience, string>; mine: Map<string, string> };
const shapedFor = new WeakMap<WorkshopRows, Shaped>();

/** The view for one audience as JSON, equal to `JSON.stringify(workshopView(rows, audience, participantId))` but for key order. */
export function workshopViewJson(rows: WorkshopRows, audience: Audience, participantId?: string): string {
  let shaped = shapedFor.get(rows);
  if (!shaped) {
    shaped = { byAudience: new Map(), mine: new Map(rows.votes.map((v) => [v.participantId, JSON.stringify(v.vote)])) };
    shapedFor.set(rows, shaped);
  }
  let base = shaped.byAudience.get(audience);
  if (base === undefined) {
    base = JSON.stringify(workshopView(rows, audience));
    shaped.byAudience.set(audience, base);
  }
  const mine = audience === "participant" && participantId ? shaped.mine.get(participantId) : undefined;
  return mine ? `${base.slice(0, -1)},"mine":${mine}}` : base;
}
