import { describe, expect, it } from "vitest";
import { assessmentsDue, deskFigures, deskHeadline, mostCommonWeakest } from "./desk";
import { teamCard, type CardScore } from "./team-card";

const now = new Date("2026-06-15T12:00:00Z");
const score = (submittedAt: string, weakest: string[], waterLevel = 2): CardScore => ({
  submittedAt: new Date(submittedAt),
  waterLevel,
  weakest,
  areas: [
    { areaId: "sec", name: "Security", score: 2 },
    { areaId: "ci", name: "Continuous integration", score: 2 },
    { areaId: "obs", name: "Observability", score: 4 },
  ],
});
const card = (name: string, latest?: CardScore, cadence: "quarterly" | "none" = "quarterly") =>
  teamCard({ team: { id: name, name, mine: false, cadence }, ...(latest && { latest }), scaleMax: 5, canStart: false, now });

describe("the desk's figures of an organisation", () => {
  it("names the weakest stave most teams share, and every one tied for most", () => {
    const cards = [card("A", score("2026-05-01", ["sec"])), card("B", score("2026-05-01", ["sec", "ci"])), card("C", score("2026-05-01", ["ci"])), card("D")];
    expect(mostCommonWeakest(cards)).toEqual({
      names: ["Continuous integration", "Security"],
      teams: 2,
      assessed: 3,
      text: "Continuous integration and Security are each the weakest stave of 2 of 3 assessed teams",
    });
    expect(mostCommonWeakest(cards.slice(0, 2))!.text).toBe("Security is the weakest stave of 2 of 2 assessed teams");
    expect(mostCommonWeakest([card("D")])).toBeNull();
  });

  it("lists overdue and soon-due assessments, the most pressing first, never those far off or without cadence", () => {
    const cards = [
      card("Far", score("2026-06-01", ["sec"])),
      card("Soon", score("2026-03-20", ["sec"])),
      card("Late", score("2026-01-02", ["sec"])),
      card("Free", score("2025-01-01", ["sec"]), "none"),
    ];
    const due = assessmentsDue(cards);
    expect(due.map((d) => [d.teamName, d.overdue])).toEqual([
      ["Late", true],
      ["Soon", false],
    ]);
    expect(due[0]!.text).toMatch(/was due/);
    expect(due[1]!.text).toMatch(/due in 5 days/);
  });

  it("keeps the teams in the list's order with their water level, unassessed ones said as such", () => {
    const figures = deskFigures([card("B", score("2026-05-01", ["sec"], 2.4)), card("A")]);
    expect(figures.teams.map((t) => [t.name, t.waterLevel, t.summary])).toEqual([
      ["B", 2.4, "B: Water level 2.4 of 5; weakest stave Security"],
      ["A", null, "A: not assessed yet"],
    ]);
    expect(figures.assessed).toBe(1);
  });

  it("sums an organisation up in one line, leaving out workshops for whoever may not see them", () => {
    const figures = deskFigures([card("B", score("2026-01-01", ["sec"])), card("A")]);
    expect(deskHeadline(figures, 1)).toBe("2 teams, 1 assessed · 1 assessment due · 1 workshop running");
    expect(deskHeadline(deskFigures([]), null)).toBe("No teams yet · nothing due");
    expect(deskHeadline(figures, 0)).toMatch(/no workshop running$/);
  });

  it("counts a team whose results are kept from the person as private, neither assessed nor unassessed", () => {
    const kept = teamCard({ team: { id: "C", name: "C", mine: false, cadence: "quarterly" }, resultsPrivate: true, scaleMax: 5, canStart: false, now });
    const figures = deskFigures([card("B", score("2026-05-01", ["sec"])), kept]);
    expect(figures).toMatchObject({ assessed: 1, privateTeams: 1 });
    expect(figures.teams[1]!.summary).toBe("C: results kept to the team and its leads");
    expect(deskHeadline(figures, null)).toBe("2 teams, 1 assessed, 1 keeps results to the team · nothing due");
  });
});
