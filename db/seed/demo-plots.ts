export type StoryKind = "moving" | "stuck" | "over-invests" | "improver" | "regresses" | "newcomer" | "fleet";

export type StoryNote = { area: number; text: string };

/**
 * How one demo team's areas develop. Levels are on a 1–5 scale and are mapped onto the model's own
 * scale, keyed by area order so a story fits any model; margins between areas are kept at 0.3 or
 * more so the story still holds once answers are whole levels and scores are rounded.
 */
export type Plot = {
  kind: StoryKind;
  name: string;
  story: string;
  assessments: number;
  /** How many quarters ago the team last assessed itself (default 0: this quarter's cycle). */
  endsQuartersAgo?: number;
  level: (area: number, quarter: number, areas: number) => number;
  note?: (quarter: number, areas: number) => StoryNote | undefined;
  /** Chance that a question the team is weak at is answered "unsure". */
  doubt?: (quarter: number) => number;
};

const offset = (area: number, offsets: readonly number[]) => offsets[area % offsets.length] ?? 0;

export const plots: readonly Plot[] = [
  {
    kind: "moving",
    name: "Payments",
    story: "Fixes its weakest area each cycle, so the weakest stave moves from area to area as the barrel levels up.",
    assessments: 8,
    level: (area, quarter, areas) => {
      const fixedAt = 1 + Math.floor((area * 7) / areas);
      return (quarter >= fixedAt ? 3 + 0.3 * area : 1.5 + 0.35 * area) + 0.04 * quarter;
    },
    note: (quarter) => (quarter === 1 ? { area: 0, text: "Made this our focus after the first assessment." } : undefined),
  },
  {
    kind: "stuck",
    name: "Search",
    story: "Improves everywhere except one area, which stays the weakest stave every quarter.",
    assessments: 8,
    level: (area, quarter, areas) => (area === areas - 1 ? 1.7 + (quarter % 2) * 0.1 : 2.4 + 0.22 * quarter + offset(area, [0, 0.15])),
    note: (quarter, areas) =>
      quarter === 3
        ? { area: areas - 1, text: "Keeps losing out to feature work in planning." }
        : quarter === 6
          ? { area: areas - 1, text: "Still on the backlog; nobody owns it yet." }
          : undefined,
  },
  {
    kind: "over-invests",
    name: "Checkout",
    story: "Pours its effort into one area until it is nearly top-level, while the weakest stave, and so the water level, barely moves.",
    assessments: 8,
    level: (area, quarter, areas) => {
      if (area === 0) return 3 + 0.26 * quarter;
      if (area === Math.min(2, areas - 1)) return 1.8 + 0.03 * quarter;
      return 2.7 + 0.07 * quarter;
    },
    note: (quarter) => (quarter === 5 ? { area: 0, text: "Third pipeline rewrite this year; deploys now take four minutes." } : undefined),
  },
  {
    kind: "improver",
    name: "Data Platform",
    story: "Improves a little in every area every quarter.",
    assessments: 8,
    level: (area, quarter) => 1.7 + 0.26 * quarter + offset(area, [0.2, 0, 0.3, 0.1]),
  },
  {
    kind: "regresses",
    name: "Mobile App",
    story: "Slips back for two quarters after a reorganisation moves half the team, then recovers.",
    assessments: 8,
    level: (area, quarter) => ([2.3, 2.6, 2.9, 3.1, 2.2, 2.4, 2.9, 3.3][quarter] ?? 3) + offset(area, [0.1, 0.3, 0, 0.2]),
    note: (quarter, areas) =>
      quarter === 4
        ? { area: Math.min(2, areas - 1), text: "Half the team moved to the new platform group in the reorg; a lot of know-how went with them." }
        : quarter === 6
          ? { area: Math.min(2, areas - 1), text: "Back on track after pairing the new joiners with the old hands." }
          : undefined,
    doubt: (quarter) => (quarter === 4 || quarter === 5 ? 0.5 : 0.05),
  },
  {
    kind: "newcomer",
    name: "Identity",
    story: "A new team with three assessments so far, finding its feet.",
    assessments: 3,
    level: (area, quarter) => 1.6 + 0.3 * quarter + offset(area, [0.3, 0, 0.2, 0.4]),
    note: (quarter) => (quarter === 0 ? { area: 0, text: "First assessment; we are still learning what the levels mean." } : undefined),
    doubt: (quarter) => (quarter === 0 ? 0.4 : 0.1),
  },
];

/**
 * The rest of the demo organisation: eighteen teams that together show leadership a shift. At first
 * security is the weakest stave almost everywhere; it improves quickly across the organisation
 * while observability improves slowly, so quarter by quarter observability takes over as the area
 * that holds most teams back. Teams differ in level, pace, start, and two stopped assessing.
 */
export const FLEET_TEAMS = [
  "Pricing",
  "Loyalty",
  "Marketplace",
  "Notifications",
  "Recommendations",
  "Catalogue",
  "Web Storefront",
  "Customer Support Tools",
  "Developer Portal",
  "Cloud Infrastructure",
  "Delivery Tooling",
  "Networking",
  "Analytics",
  "Data Ingestion",
  "Machine Learning",
  "Reporting",
  "Voice Assistant",
  "AR Try-on",
] as const;

const STOPPED = new Set(["Networking", "Reporting"]);
const NEWER: Record<string, number> = { "Voice Assistant": 4, "AR Try-on": 4, "Machine Learning": 5, "Web Storefront": 6 };

export const fleetPlots: readonly Plot[] = FLEET_TEAMS.map((name, j) => {
  const endsQuartersAgo = STOPPED.has(name) ? 3 : 0;
  const assessments = NEWER[name] ?? (STOPPED.has(name) ? 5 : 8);
  const first = 8 - assessments - endsQuartersAgo;
  const base = 1.9 + (j % 5) * 0.15;
  const pace = 0.16 + (j % 4) * 0.035;
  return {
    kind: "fleet",
    name,
    story: "One of the organisation's teams: security improves fast, observability slowly.",
    assessments,
    endsQuartersAgo,
    level: (area, quarter, areas) => {
      const q = first + quarter; // the organisation's quarter, shared by every team
      if (area === areas - 1) return base - 0.7 + pace * q; // security, last in the model
      if (area === Math.min(1, areas - 1)) return base + 0.05 + 0.02 * q; // observability
      return base + 0.45 + 0.3 * area + 0.05 * q;
    },
  };
});
