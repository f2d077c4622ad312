import { can, type Permission, type Role } from "./permissions";

// Switching organisation keeps the person on the page they were on, when that page exists in the
// other organisation: /dashboard stays /dashboard, but a team, workshop or model of the old
// organisation has no counterpart, so its section's list is the nearest equivalent. Query strings
// name groups and teams of the old organisation, so they are dropped.

/** Where a switch lands when the page has no equivalent (and every role may read it). */
export const SWITCH_FALLBACK = "/teams";

/** Pages that exist in every organisation, and what a role needs to see them there. */
const PAGES: Record<string, Permission | null> = {
  "/desk": null,
  "/dashboard": null,
  "/dashboard/report": null,
  "/teams": null,
  "/workshops": null,
  "/models": null,
  "/models/new": "models.publish",
  "/account": null,
  "/groups": "teams.manage",
  "/members": "members.manage",
  "/api-tokens": "tokens.manage",
  "/audit": "audit.read",
  "/organisation": "organisation.manage",
  "/organisation/outbox": "mail.read",
  "/organisation/webhooks": "webhooks.manage",
};

/** Sections whose deeper pages name something of one organisation: their list is where to go. */
const SECTIONS = ["/teams", "/workshops", "/models", "/groups"];

/**
 * The page to show after switching to an organisation where the person has `role`, given the path
 * they were on. Only a local path of Stave comes back, whatever the input.
 */
export function equivalentPath(current: string | undefined, role: Role): string {
  const path = localPath(current);
  if (path === undefined) return SWITCH_FALLBACK;
  const allowed = (page: string) => page in PAGES && (PAGES[page] === null || can(role, PAGES[page]!));
  if (allowed(path)) return path;
  const section = SECTIONS.find((s) => path.startsWith(`${s}/`));
  return section && allowed(section) ? section : SWITCH_FALLBACK;
}

/** The path part of a same-site path, without query, fragment or trailing slash; undefined for anything else. */
export function localPath(current: string | undefined): string | undefined {
  if (!current || !current.startsWith("/") || current.startsWith("//") || current.includes("\\")) return undefined;
  const path = current.split(/[?#]/)[0]!.replace(/\/+$/, "");
  return path === "" ? "/" : path;
}
