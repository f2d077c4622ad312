import { dueText, NOT_ASSESSED } from "./cadence";
import { formatScore } from "./format";
import type { TeamCard } from "./team-card";
import { andList, plural } from "./words";
import type { ScoreDigits } from "./model/scoring-rules";

// The consultant's desk: one organisation at a glance, from its teams' cards as the person may see
// them there. Teams keep the teams list's order (by name): the desk compares nothing between teams.

export type DeskTeam = { id: string; name: string; href: string; waterLevel: number | null; scaleMax: number; digits: ScoreDigits; summary: string };
export type DeskDue = { teamName: string; href: string; text: string; overdue: boolean; days: number };
export type CommonWeakest = { names: string[]; teams: number; assessed: number; text: string };
export type DeskFigures = {
  teams: DeskTeam[];
  assessed: number;
  /** Teams whose results the organisation keeps to the team and its leads, away from this person. */
  privateTeams: number;
  commonWeakest: CommonWeakest | null;
  due: DeskDue[];
};

/** The weakest stave named by the most teams' latest assessments (every one tied for most), or null when no team is assessed. */
export function mostCommonWeakest(cards: readonly Pick<TeamCard, "result">[]): CommonWeakest | null {
  const counts = new Map<string, number>();
  const assessed = cards.filter((c) => c.result);
  for (const card of assessed) for (const name of new Set(card.result!.weakestNames)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  if (most === 0) return null;
  const names = [...counts].filter(([, n]) => n === most).map(([name]) => name);
  names.sort((a, b) => a.localeCompare(b));
  const subject = names.length === 1 ? `${names[0]} is the weakest stave` : `${andList(names)} are each the weakest stave`;
  return { names, teams: most, assessed: assessed.length, text: `${subject} of ${most} of ${plural(assessed.length, "assessed team")}` };
}

/** Teams whose next assessment is overdue or due soon, the most pressing first. */
export function assessmentsDue(cards: readonly Pick<TeamCard, "name" | "href" | "next">[]): DeskDue[] {
  const due = cards.flatMap((c) =>
    c.next.kind === "due" && c.next.due.state !== "upcoming"
      ? [{ teamName: c.name, href: c.href, text: dueText(c.next.due), overdue: c.next.due.state === "overdue", days: c.next.due.days }]
      : [],
  );
  return due.sort((a, b) => a.days - b.days || a.teamName.localeCompare(b.teamName));
}

/** An organisation's figures on the desk. */
export function deskFigures(cards: readonly TeamCard[]): DeskFigures {
  return {
    teams: cards.map((c) => ({
      id: c.id,
      name: c.name,
      href: c.href,
      waterLevel: c.result?.waterLevel ?? null,
      scaleMax: c.result?.scaleMax ?? 5,
      digits: c.result?.digits ?? 1,
      summary: c.result
        ? `${c.name}: ${c.result.summary}`
        : `${c.name}: ${c.next.kind === "private" ? "results kept to the team and its leads" : NOT_ASSESSED.toLowerCase()}`,
    })),
    assessed: cards.filter((c) => c.result).length,
    privateTeams: cards.filter((c) => c.next.kind === "private").length,
    commonWeakest: mostCommonWeakest(cards),
    due: assessmentsDue(cards),
  };
}

/** The line under an organisation's name: "3 teams, 2 assessed · 1 assessment due · 1 workshop running". */
export function deskHeadline(figures: Pick<DeskFigures, "teams" | "assessed" | "due"> & { privateTeams?: number }, runningWorkshops: number | null): string {
  const kept = figures.privateTeams ? `, ${figures.privateTeams} keep${figures.privateTeams === 1 ? "s" : ""} results to the team` : "";
  const parts = [
    figures.teams.length === 0 ? "No teams yet" : `${plural(figures.teams.length, "team")}, ${figures.assessed} assessed${kept}`,
    figures.due.length === 0 ? "nothing due" : `${plural(figures.due.length, "assessment")} due`,
  ];
  if (runningWorkshops !== null) parts.push(runningWorkshops === 0 ? "no workshop running" : `${plural(runningWorkshops, "workshop")} running`);
  return parts.join(" · ");
}

/** "2.4" (SAMM's "1.13") or "–": a desk bar's figure. */
export const deskLevel = (team: Pick<DeskTeam, "waterLevel" | "digits">) => formatScore(team.waterLevel, team.digits);
