import type { Metadata } from "next";
import { card } from "@/components/ui/styles";
import { page } from "@/server/page";
import { organisationSettingsView } from "@/views/branding";
import { RemoveLogoForm, RenameOrganisationForm, UploadLogoForm } from "./_components/branding-forms";
import { PrivacyForm } from "./_components/privacy-form";

export const metadata: Metadata = { title: "Organisation settings" };

/** The organisation's name and logo (what its reports carry when they are handed over), and who sees its results. */
export default page(async ({ ctx }) => {
  const settings = await organisationSettingsView(ctx);
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
    </div>
  );
});
