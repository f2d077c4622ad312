// A new organisation's first steps, shown to its owners and admins on the teams page until every
// one is done. Whether a step is done is read from the data each time (db/queries/first-run.ts),
// never kept as a flag, so the list cannot disagree with what the organisation has actually done.

export type FirstRunProgress = {
  teamCreated: boolean;
  peopleInvited: boolean;
  assessmentSubmitted: boolean;
  cadenceSet: boolean;
};

export type FirstRunStep = {
  key: keyof FirstRunProgress;
  label: string;
  done: boolean;
  /** Where to do it, while it is not done. */
  action?: { text: string; href: string };
};

/**
 * The checklist, in the order the steps are best taken; undefined once every step is done (the
 * checklist disappears). `teamId` is a team to send the person to for the steps done on a team's
 * page (theirs, or the first by name); without one those steps point at creating a team.
 */
export function firstRunSteps(progress: FirstRunProgress, teamId: string | undefined): FirstRunStep[] | undefined {
  if (Object.values(progress).every(Boolean)) return undefined;
  const onTeam = (anchor: string, text: string) =>
    teamId ? { text, href: `/teams/${teamId}${anchor}` } : { text: "Create a team first", href: "#create-team" };
  const steps: FirstRunStep[] = [
    { key: "teamCreated", label: "Create a team", done: progress.teamCreated, action: { text: "Create one below", href: "#create-team" } },
    { key: "peopleInvited", label: "Invite people", done: progress.peopleInvited, action: { text: "Create an invitation link", href: "/members" } },
    { key: "assessmentSubmitted", label: "Run the first assessment", done: progress.assessmentSubmitted, action: onTeam("", "Start one on the team’s page") },
    {
      key: "cadenceSet",
      label: "Set how often teams assess themselves",
      done: progress.cadenceSet,
      action: onTeam("#cadence-heading", "Choose the team’s cadence"),
    },
  ];
  return steps.map(({ action, ...step }) => (step.done ? step : { ...step, action }));
}
