import { testModel } from "../test-models";
import type { Vote } from "./tally";
import type { WorkshopRows } from "./view";

// A workshop's rows as the data layer reads them, for the tests of what its screens are sent:
// the second of two questions, three in the room (one without a device), two votes in.

const model = testModel({ areas: [{ id: "a", questions: 2 }] });
const level = (n: number): Vote => ({ kind: "level", level: n });
export const testWorkshopRows = (over: Partial<WorkshopRows> = {}): WorkshopRows => ({
  id: "w",
  teamId: "t",
  assessmentId: "s",
  joinCode: "ABCDEFGH",
  status: "open",
  phase: "voting",
  anonymity: "named",
  questionId: "a-q2",
  round: 1,
  autoReveal: true,
  timerEndsAt: null,
  version: 3,
  loadedAt: new Date("2026-12-02T10:00:00Z"),
  model,
  participants: [
    { id: "p1", name: "Ana", device: true },
    { id: "p2", name: null, device: true },
    { id: "p3", name: "Dee", device: false },
  ],
  votes: [
    { participantId: "p1", vote: level(2) },
    { participantId: "p2", vote: level(4) },
  ],
  consensus: undefined,
  privateNote: "ask about the legacy service",
  ...over,
});
