import { IntentLink } from "./ui/intent-link";
import { signOutAction } from "@/server/session-actions";
import { can } from "@/lib/permissions";
import type { Viewer } from "@/lib/viewer";
import { OrganisationSwitcher } from "./organisation-switcher";

export function SiteHeader({ viewer }: { viewer: Viewer | undefined }) {
  return (
    <header className="no-print border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <IntentLink href="/" className="flex items-center gap-2 text-lg font-bold text-wood-900">
          <StaveMark />
          Stave
        </IntentLink>
        {viewer && (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {viewer.memberships.length > 1 && (
              <IntentLink href="/desk" className="font-medium text-stone-700 hover:text-wood-700">
                Desk
              </IntentLink>
            )}
            <IntentLink href="/dashboard" className="font-medium text-stone-700 hover:text-wood-700">
              Dashboard
            </IntentLink>
            <IntentLink href="/teams" className="font-medium text-stone-700 hover:text-wood-700">
              Teams
            </IntentLink>
            <IntentLink href="/models" className="font-medium text-stone-700 hover:text-wood-700">
              Models
            </IntentLink>
            {can(viewer.role, "drafts.read", { teamMember: true }) && (
              <IntentLink href="/workshops" className="font-medium text-stone-700 hover:text-wood-700">
                Workshops
              </IntentLink>
            )}
            {can(viewer.role, "teams.manage") && (
              <IntentLink href="/groups" className="font-medium text-stone-700 hover:text-wood-700">
                Groups
              </IntentLink>
            )}
            {can(viewer.role, "members.manage") && (
              <IntentLink href="/members" className="font-medium text-stone-700 hover:text-wood-700">
                Members
              </IntentLink>
            )}
            {can(viewer.role, "organisation.manage") && (
              <IntentLink href="/organisation" className="font-medium text-stone-700 hover:text-wood-700">
                Settings
              </IntentLink>
            )}
            {can(viewer.role, "tokens.manage") && (
              <IntentLink href="/api-tokens" className="font-medium text-stone-700 hover:text-wood-700">
                API tokens
              </IntentLink>
            )}
            {can(viewer.role, "audit.read") && (
              <IntentLink href="/audit" className="font-medium text-stone-700 hover:text-wood-700">
                Audit log
              </IntentLink>
            )}
            <OrganisationSwitcher
              active={viewer.organisation.id}
              organisations={viewer.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName }))}
            />
            <IntentLink href="/account" className="text-stone-700 hover:text-wood-700" title={viewer.user.email}>
              {viewer.user.name}
            </IntentLink>
            <form action={signOutAction}>
              <button type="submit" className="font-medium text-wood-700 hover:underline">
                Sign out
              </button>
            </form>
          </nav>
        )}
      </div>
    </header>
  );
}

function StaveMark() {
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <rect x="2" y="6" width="4" height="14" rx="1" fill="#b07a3f" />
      <rect x="7" y="2" width="4" height="18" rx="1" fill="#b07a3f" />
      <rect x="12" y="9" width="4" height="11" rx="1" fill="#c2410c" />
      <rect x="17" y="4" width="4" height="16" rx="1" fill="#b07a3f" />
      <rect x="1" y="13" width="21" height="7" fill="#2b8fc4" opacity="0.55" />
    </svg>
  );
}
