// What evidence is made of: links (http or https) and short texts ("Pen test by Acme, report in the
// security drive"). A link is shown as a link; anything else as text.

/** Items one answer's evidence may have. */
export const EVIDENCE_ITEMS_MAX = 10;
/** The longest text item: a line saying where the proof is, not the proof itself. */
export const EVIDENCE_TEXT_MAX = 280;
/** The longest link. */
export const EVIDENCE_LINK_MAX = 2000;

const LINK = /^https?:\/\//i;
// Something written as an address with another scheme (javascript:, file:, ftp://…): refused rather than kept as text.
const OTHER_SCHEME = /^(?!https?:)[a-z][a-z0-9+.-]*:(\/\/|[^\s]*$)/i;

/** The address an item links to, or undefined when it is a text. */
export function evidenceLink(item: string): string | undefined {
  if (!LINK.test(item)) return undefined;
  try {
    const url = new URL(item);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What is wrong with an evidence item, or undefined when it may be kept. */
export function evidenceItemProblem(item: string): string | undefined {
  if (item.includes("\u0000")) return "Evidence cannot contain the NUL character (U+0000).";
  if (LINK.test(item)) {
    if (item.length > EVIDENCE_LINK_MAX) return `A link can be at most ${EVIDENCE_LINK_MAX} characters.`;
    if (!evidenceLink(item) || /\s/.test(item)) return `“${item.slice(0, 60)}” is not a valid link: check the address.`;
    return undefined;
  }
  if (OTHER_SCHEME.test(item)) return "Only http and https links can be evidence: give the web address, or describe where the proof is.";
  if (item.length > EVIDENCE_TEXT_MAX) return `A text can be at most ${EVIDENCE_TEXT_MAX} characters: say where the proof is, and link to it.`;
  return undefined;
}
