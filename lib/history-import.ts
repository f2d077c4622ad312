import {
  HISTORY_FORMAT_VERSION,
  historySchema,
  type History,
  type HistoryAssessment,
  type HistoryPerson,
  type HistoryTeam,
  type HistoryWorkshop,
} from "./contracts/history";

// Pure rules of importing a history: reading the file, and judging each thing it holds against
// what the importing organisation has under the same id (new, present unchanged, or a conflict).

/** The largest history file an import reads: a large organisation's years fit with room to spare. */
export const HISTORY_MAX_BYTES = 25 * 1024 * 1024;
export const HISTORY_TOO_LARGE = `A history file can be at most ${HISTORY_MAX_BYTES / 1024 / 1024} MB. Export a group or a team at a time, and import each.`;

export type ReadHistory = { ok: true; history: History } | { ok: false; error: string };

const where = (path: readonly PropertyKey[]) =>
  path
    .map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`))
    .join("")
    .replace(/^\./, "");

/** Reads a history file's text: JSON, a Stave history, of a format version this Stave knows, well formed. */
export function readHistory(text: string): ReadHistory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `This file is not valid JSON (${error instanceof Error ? error.message : "it cannot be read"}). Choose a history exported from Stave.`,
    };
  }
  const version = typeof data === "object" && data !== null && "formatVersion" in data ? (data as { formatVersion: unknown }).formatVersion : undefined;
  if (typeof version !== "number")
    return { ok: false, error: "This file is not a Stave history: it has no formatVersion. Choose a history exported from Stave." };
  if (version > HISTORY_FORMAT_VERSION)
    return {
      ok: false,
      error: `This history was written in format version ${version}, newer than this Stave reads (version ${HISTORY_FORMAT_VERSION}). Update this Stave, then import it.`,
    };
  const parsed = historySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `This history is not well formed at ${where(issue.path) || "its top"}: ${issue.message}. Nothing was imported.` };
  }
  return { ok: true, history: parsed.data };
}

export type Judged = "new" | "present" | "conflict";

/** JSON with object keys sorted, so two equal things written in another key order compare equal. */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );

/** Whom a person named in the document is here: a member with that e-mail address, or only a name. */
export const isMatched = (person: HistoryPerson, memberEmails: ReadonlySet<string>) => person.email !== null && memberEmails.has(person.email.toLowerCase());

/**
 * A team as an import keeps it, for comparing with the team of the same id here: its members are
 * compared by the e-mail addresses that match members here (the others cannot be kept).
 */
export function comparableTeam(team: HistoryTeam, memberEmails: ReadonlySet<string>) {
  const { members, ...rest } = team;
  return {
    ...rest,
    members: members
      .filter((p) => isMatched(p, memberEmails))
      .map((p) => p.email!.toLowerCase())
      .sort(),
  };
}

/**
 * An assessment as an import keeps it, for comparing with the one of the same id here: an action's
 * owner who is not a member here is kept by name; a respondent's own answers only where they are a
 * member here (an answer belongs to an account).
 */
export function comparableAssessment(assessment: HistoryAssessment, memberEmails: ReadonlySet<string>) {
  const { respondentAnswers, ...rest } = assessment;
  return {
    ...rest,
    respondentAnswers: respondentAnswers
      .filter((a) => isMatched(a.respondent, memberEmails))
      .map(({ respondent, ...a }) => ({ ...a, email: respondent.email!.toLowerCase() }))
      .sort((x, y) => (x.email + " " + x.questionId < y.email + " " + y.questionId ? -1 : 1)),
    submittedAt: new Date(rest.submittedAt).toISOString(),
    target: rest.target && { ...rest.target, setAt: new Date(rest.target.setAt).toISOString() },
    actions: rest.actions.map((a) => ({
      ...a,
      owner:
        a.owner && "member" in a.owner
          ? isMatched(a.owner.member, memberEmails)
            ? { email: a.owner.member.email!.toLowerCase() }
            : { text: a.owner.member.name }
          : a.owner,
    })),
  };
}

const instant = (iso: string) => new Date(iso).toISOString();

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * A workshop as an import keeps it, for comparing with the one of the same id here: its times as
 * instants whatever their offset, and its participants, votes and agreed answers in one order
 * whatever the order the document gives them in.
 */
export function comparableWorkshop(workshop: HistoryWorkshop) {
  return {
    ...workshop,
    participants: [...workshop.participants].sort(byKey((p) => p.id)),
    votes: [...workshop.votes].sort(byKey((v) => `${v.questionId} ${String(v.round).padStart(6, "0")} ${v.participantId}`)),
    agreed: [...workshop.agreed].sort(byKey((a) => a.questionId)),
    openedAt: instant(workshop.openedAt),
    endedAt: instant(workshop.endedAt),
    agreement: workshop.agreement && {
      ...workshop.agreement,
      agreedAt: instant(workshop.agreement.agreedAt),
      appliedAt: workshop.agreement.appliedAt && instant(workshop.agreement.appliedAt),
    },
  };
}

/** Whether the stored figures of an assessment and those computed again on import agree. */
export function sameScore(a: HistoryAssessment["score"], b: HistoryAssessment["score"]): boolean {
  return sameContent(a, b);
}

/** "6 teams", "1 team": a count with its noun. */
export const counted = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;
