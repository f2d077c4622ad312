import { UTCDate } from "@date-fns/utc";
import { add, type Duration } from "date-fns";
import { plural } from "../words";

// How long evidence holds, written as an ISO 8601 duration of whole days or longer ("P12M", "P90D",
// "P1Y6M"): the form models and organisations give it in. date-fns formats ISO durations but does
// not parse them, so the small date-only part of the grammar is parsed here. No zod here: pages in
// the browser use these words; the boundary's schema is lib/validation/validity.ts.

/** The longest evidence may hold: anything longer is as good as "forever", which proves nothing about today. */
export const MAX_VALIDITY_YEARS = 10;

/** What evidence holds for when neither the question nor the organisation says otherwise. */
export const DEFAULT_VALIDITY = "P12M";

/** The validities offered to choose from; any other valid duration can still be given in a model or kept. */
export const VALIDITY_CHOICES = ["P1M", "P3M", "P6M", "P12M", "P18M", "P2Y", "P3Y"] as const;

const DATE_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

export type Validity = Required<Pick<Duration, "years" | "months" | "weeks" | "days">>;

export type ValidityParse = { ok: true; validity: Validity } | { ok: false; message: string };

// Ten years after a fixed day: comparing against a calendar span keeps "P120M" and "P10Y" equal.
const REFERENCE_DAY = new UTCDate(2000, 0, 1);
const LONGEST = add(REFERENCE_DAY, { years: MAX_VALIDITY_YEARS }).getTime();

/** Reads a validity, or says precisely what is wrong with it. */
export function parseValidity(input: string): ValidityParse {
  const text = input.trim().toUpperCase();
  if (text === "") return { ok: false, message: "Give a validity, such as P12M (twelve months)." };
  if (/^(FOREVER|INFINITE|INFINITY|NEVER|PERMANENT|∞)$/.test(text))
    return { ok: false, message: `Evidence cannot hold forever: give how long it holds, such as P12M (twelve months), at most ${MAX_VALIDITY_YEARS} years.` };
  if (text.startsWith("-") || /^P.*-/.test(text))
    return { ok: false, message: "A validity cannot be negative: give how long the evidence holds, such as P12M." };
  if (/^P.*T/.test(text)) return { ok: false, message: "Give a validity in years, months, weeks or days (such as P90D), not hours or minutes." };
  const match = DATE_DURATION.exec(text);
  if (!match || text === "P")
    return { ok: false, message: `“${input.trim()}” is not an ISO 8601 duration: write P, then a number and Y, M, W or D, such as P12M, P90D or P1Y.` };
  const [years, months, weeks, days] = match.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number];
  const validity = { years, months, weeks, days };
  if (years + months + weeks + days === 0) return { ok: false, message: "A validity of zero would make the evidence stale at once: give at least one day." };
  if (add(REFERENCE_DAY, validity).getTime() > LONGEST)
    return { ok: false, message: `At most ${MAX_VALIDITY_YEARS} years: evidence older than that says little about today.` };
  return { ok: true, validity };
}

/** A validity known to be good (from a checked model, setting or answer); throws on anything else. */
export function validityOf(text: string): Validity {
  const parsed = parseValidity(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.validity;
}

/** A validity in words: "12 months", "1 year and 6 months", "90 days". */
export function validityText(text: string): string {
  const { years, months, weeks, days } = validityOf(text);
  const parts = [years && plural(years, "year"), months && plural(months, "month"), weeks && plural(weeks, "week"), days && plural(days, "day")].filter(
    (p): p is string => Boolean(p),
  );
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]!;
}

/** The validity new evidence for a question starts with: the question's own, else the organisation's, else twelve months. */
export const defaultValidityFor = (question: { evidence_valid_for?: string }, organisationDefault: string | null | undefined): string =>
  question.evidence_valid_for ?? organisationDefault ?? DEFAULT_VALIDITY;
