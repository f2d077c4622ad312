import type { Metadata } from "next";
import { button, card } from "@/components/ui/styles";
import { page } from "@/server/page";
import { organisationSettingsView } from "@/views/branding";
import { historyChoicesView } from "@/views/history";
import { RemoveLogoForm, RenameOrganisationForm, UploadLogoForm } from "./_components/branding-forms";
import { EvidenceDefaultForm } from "./_components/evidence-default-form";
import { StaleEvidenceForm } from "./_components/stale-evidence-form";
import { PrivacyForm } from "./_components/privacy-form";

export const metadata: Metadata = { title: "Organisation settings" };

/** The organisation's name and logo (what its reports carry when they are handed over), and who sees its results. */
export default page(async ({ ctx }) => {
  const [settings, history] = await Promise.all([organisationSettingsView(ctx), historyChoicesView(ctx)]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Organisation settings</h1>
        <p className="mt-1 text-stone-700">The name and logo at the top of the workshop report, the results print and the dashboard report.</p>
      </div>
      <section className={card} aria-labelledby="name-heading">
        <h2 id="name-heading" className="mb-3 text-lg font-semibold">
          Name
        </h2>
        <RenameOrganisationForm name={settings.name} />
      </section>
      <section className={`${card} space-y-4`} aria-labelledby="logo-heading">
        <h2 id="logo-heading" className="text-lg font-semibold">
          Logo
        </h2>
        {settings.logo ? (
          <div className="flex flex-wrap items-center gap-4">
            <img src={settings.logo.href} alt={`Logo of ${settings.name}`} className="max-h-16 max-w-48 rounded border border-stone-200 object-contain p-1" />
            <p className="text-sm text-stone-700">
              {settings.logo.contentType.replace("image/", "").toUpperCase()}, {settings.logo.kilobytes} KB
            </p>
            <RemoveLogoForm />
          </div>
        ) : (
          <p className="text-stone-700">No logo yet: reports show the name alone.</p>
        )}
        <UploadLogoForm />
      </section>
      <section className={`${card} space-y-3`} aria-labelledby="privacy-heading">
        <h2 id="privacy-heading" className="text-lg font-semibold">
          Who sees results
        </h2>
        {settings.privacy.canChange ? (
          <PrivacyForm policy={{ teamResults: settings.privacy.teamResults, minTeams: settings.privacy.minTeams }} />
        ) : (
          <p className="text-stone-700" data-testid="privacy-summary">
            Each team’s own results are seen by {settings.privacy.teamResults === "team" ? "the team and its leads only" : "everyone in the organisation"}; a
            group’s figures are shown outside it from {settings.privacy.minTeams} assessed teams up. Only owners change this.
          </p>
        )}
      </section>
      <section className={`${card} space-y-3`} aria-labelledby="evidence-heading">
        <h2 id="evidence-heading" className="text-lg font-semibold">
          Evidence
        </h2>
        <p className="text-stone-700">
          How long evidence behind an answer holds before it is stale, unless the model says so for its question. A team can change it for each answer.
        </p>
        <EvidenceDefaultForm validFor={settings.evidenceDefault} />
        <p className="text-stone-700">
          Whether stale evidence lowers scores. When it does, each team’s current assessment is scored again as its evidence lapses, the water level moves, and
          its results say why; older assessments keep their scores.
        </p>
        <StaleEvidenceForm staleCounts={settings.staleEvidence} />
      </section>
      <section className={`${card} space-y-3`} aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <p className="text-stone-700">
          Take the whole history (teams, groups, every submitted assessment with its model, answers and notes, targets, actions and trend notes) to another
          Stave as one JSON file. A team’s lead can export their own team from its page.
        </p>
        <ul className="space-y-1">
          <li>
            <a className={button.secondary} href="/organisation/history/export" download>
              Export the whole organisation
            </a>
          </li>
          {history.groups.map((g) => (
            <li key={g.id}>
              <a className={button.quiet} href={`/organisation/history/export?group=${g.id}`} download>
                Export the group {g.label}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a className={button.secondary} href="/organisation/history">
            Import a history…
          </a>
        </p>
      </section>
      <section className={`${card} space-y-3`} aria-labelledby="mail-heading">
        <h2 id="mail-heading" className="text-lg font-semibold">
          Outgoing mail
        </h2>
        <p className="text-stone-700">What Stave sent for the organisation, what it is trying again, and why.</p>
        <p>
          <a className={button.secondary} href="/organisation/outbox">
            See outgoing mail
          </a>
        </p>
      </section>
      {settings.canManageSso && (
        <section className={`${card} space-y-3`} aria-labelledby="sso-heading">
          <h2 id="sso-heading" className="text-lg font-semibold">
            Single sign-on
          </h2>
          <p className="text-stone-700">Let people of your e-mail domains sign in through your OpenID Connect provider, with roles from their groups.</p>
          <p>
            <a className={button.secondary} href="/organisation/sso">
              Set up single sign-on
            </a>
          </p>
        </section>
      )}
      <section className={`${card} space-y-3`} aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          Webhooks
        </h2>
        <p className="text-stone-700">Tell your own tools, chat or automation when an assessment is submitted, a weakest stave changes or a workshop ends.</p>
        <p>
          <a className={button.secondary} href="/organisation/webhooks">
            Manage webhooks
          </a>
        </p>
      </section>
      <section className={`${card} space-y-3`} aria-labelledby="delivery-heading">
        <h2 id="delivery-heading" className="text-lg font-semibold">
          Delivery data
        </h2>
        <p className="text-stone-700">Map the services your deployments and incidents name to teams, and connect GitHub and PagerDuty.</p>
        <p>
          <a className={button.secondary} href="/organisation/delivery">
            Set up delivery data
          </a>
        </p>
      </section>
    </div>
  );
});
