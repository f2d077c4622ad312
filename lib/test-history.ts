import { HISTORY_FORMAT_VERSION, type History } from "./contracts/history";

/** A well-formed history with nothing in it, for tests to start from. */
export const emptyHistory = (): History => ({
  formatVersion: HISTORY_FORMAT_VERSION,
  exportedAt: "2026-12-01T10:00:00.000Z",
  scope: { kind: "organisation", id: null, name: "Acme" },
  organisation: { name: "Acme" },
  modelVersions: [],
  groups: [],
  teams: [],
  assessments: [],
  trendNotes: [],
  workshops: [],
});
