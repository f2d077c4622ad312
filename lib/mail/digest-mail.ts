import { mailBody, type MailMessage } from "./message";

/** One scope whose most common weakest stave changed: where, what it was, what it is now. */
export type WeakestChange = {
  /** The organisation's or the group's name. */
  scopeName: string;
  modelName: string;
  before: string[];
  after: string[];
  /** How many teams have the new weakest stave, of how many counted this quarter. */
  teams: number;
  counted: number;
  dashboardLink: string;
};

export type WeakestDigestMailInput = { to: string; name: string; organisationName: string; changes: WeakestChange[]; unsubscribe: string };

const staves = (names: string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)} (tied)`);

/** One line of the digest, e.g. "Platform (Stave Core): now Observability, 5 of 12 teams; it was Security." */
export function weakestChangeLine(change: WeakestChange): string {
  return `${change.scopeName} (${change.modelName}): now ${staves(change.after)}, the weakest stave of ${change.teams} of ${change.counted} teams; it was ${staves(change.before)}.`;
}

/** The leadership digest: every scope whose most common weakest stave changed since the last sweep, with a link to its dashboard. */
export function weakestDigestMail({ to, name, organisationName, changes, unsubscribe }: WeakestDigestMailInput): MailMessage {
  const [first] = changes;
  return {
    to,
    subject:
      changes.length === 1
        ? `${first!.scopeName}: the most common weakest stave is now ${staves(first!.after)}`
        : `${organisationName}: the most common weakest stave changed in ${changes.length} places`,
    ...mailBody({
      paragraphs: [`Hello ${name},`, `The weakest stave most teams share has changed in ${organisationName}, counting each team's latest assessment:`],
      items: changes.map((change) => ({ text: weakestChangeLine(change), href: change.dashboardLink })),
      closing: "You get this because you read results across teams and this digest is on in your Stave account.",
      action: changes.length === 1 ? { label: "Open the dashboard", href: first!.dashboardLink } : undefined,
      unsubscribe,
    }),
  };
}
