import type { ReactNode } from "react";
import { WorkshopRows } from "@/components/workshop/workshop-rows";
import { card } from "@/components/ui/styles";
import { deskLevel } from "@/lib/desk";
import { plural, withArticle } from "@/lib/words";
import { RECENT_WORKSHOP_DAYS, type DeskOrganisation } from "@/views/desk";
import { OpenInOrganisation } from "./open-in-organisation";

/** Teams shown with their water level; the teams list has the rest. */
const SHOWN_TEAMS = 8;

const link = "font-medium text-wood-700 underline-offset-2 hover:underline";

/** One organisation on the desk: its teams' water levels, the weakest stave most share, what is due, its workshops. */
export function OrganisationPanel({ org, activeId }: { org: DeskOrganisation; activeId: string }) {
  // In the organisation worked in now, a plain link; into another, a form that switches to it on the way.
  const open = (path: string, className: string, children: ReactNode) =>
    org.id === activeId ? (
      <a href={path} className={className}>
        {children}
      </a>
    ) : (
      <OpenInOrganisation organisationId={org.id} to={path} className={className}>
        {children}
      </OpenInOrganisation>
    );
  const headingId = `org-${org.id}`;
  const shown = org.teams.slice(0, SHOWN_TEAMS);
  const current = org.id === activeId;
  return (
    <section className={`${card} space-y-5 ${current ? "border-wood-700 border-l-4" : ""}`} aria-labelledby={headingId} data-testid="desk-organisation">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-xl font-bold text-wood-900">
            {org.name}
          </h2>
          <p className="text-sm text-stone-700" data-testid="desk-headline">
            {org.headline}
          </p>
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="rounded-full bg-stone-100 px-2 py-0.5 text-stone-800">
            {org.roleLabel}
            {current && " · current"}
          </span>
          {open(
            "/dashboard",
            link,
            <>
              Dashboard<span className="sr-only"> of {org.name}</span>
            </>,
          )}
          {open(
            "/teams",
            link,
            <>
              Teams<span className="sr-only"> of {org.name}</span>
            </>,
          )}
          {org.canSeeWorkshops &&
            open(
              "/workshops",
              link,
              <>
                Workshops<span className="sr-only"> of {org.name}</span>
              </>,
            )}
        </p>
      </div>

      <div className="grid gap-5 md:grid-cols-2">
        <div className="space-y-2">
          <h3 className="font-semibold text-stone-900">Latest water levels</h3>
          {org.teams.length === 0 ? (
            <p className="text-sm text-stone-700">No teams yet.</p>
          ) : (
            <ul className="space-y-1.5" aria-label={`Latest water level of each team in ${org.name}`}>
              {shown.map((t) => (
                <li key={t.id} className="grid grid-cols-[minmax(0,9rem)_1fr_2rem] items-center gap-2 text-sm">
                  <span className="min-w-0 truncate" title={t.name}>
                    {open(t.href, `${link} truncate`, t.name)}
                  </span>
                  <span className="h-3 rounded-sm bg-stone-100" role="img" aria-label={t.summary}>
                    {t.waterLevel !== null && (
                      <span className="block h-3 rounded-sm bg-water-500" style={{ width: `${Math.min(100, (t.waterLevel / t.scaleMax) * 100)}%` }} />
                    )}
                  </span>
                  <span className="text-right tabular-nums text-stone-800">{deskLevel(t)}</span>
                </li>
              ))}
            </ul>
          )}
          {org.teams.length > shown.length && (
            <p className="text-sm">{open("/teams", link, `${plural(org.teams.length - shown.length, "more team")} in ${org.name}`)}</p>
          )}
          <p className="text-sm text-stone-700" data-testid="common-weakest">
            {org.commonWeakest
              ? org.commonWeakest.text
              : org.privateTeams > 0
                ? "No team whose results you see is assessed yet."
                : `No team is assessed yet (${plural(org.teams.length, "team")}).`}
          </p>
          {org.privateTeams > 0 && (
            <p className="text-sm text-stone-700" data-testid="desk-private">
              The results of {plural(org.privateTeams, "team")} are seen only by each team and its leads (organisation setting).
            </p>
          )}
        </div>

        <div className="space-y-2">
          <h3 className="font-semibold text-stone-900">Assessments due</h3>
          {org.due.length === 0 ? (
            <p className="text-sm text-stone-700">Nothing overdue or due in the next two weeks.</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="due-list">
              {org.due.map((d) => (
                <li key={d.href}>
                  {open(d.href, link, d.teamName)}: <span className={d.overdue ? "font-medium text-red-800" : "text-stone-800"}>{d.text}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      {org.canSeeWorkshops ? (
        <div className="space-y-2">
          <h3 className="font-semibold text-stone-900">Workshops</h3>
          {org.workshops.length === 0 ? (
            <p className="text-sm text-stone-700">No workshop is running or ended in the last {RECENT_WORKSHOP_DAYS} days.</p>
          ) : (
            <WorkshopRows items={org.workshops} link={open} />
          )}
          {org.moreWorkshops > 0 && <p className="text-sm">{open("/workshops", link, `${plural(org.moreWorkshops, "more workshop")} in ${org.name}`)}</p>}
        </div>
      ) : (
        <p className="text-sm text-stone-700">Workshops show a team’s unsubmitted answers, so as {withArticle(org.roleLabel)} here you do not see them.</p>
      )}
    </section>
  );
}
