import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { card } from "@/components/ui/styles";
import { page } from "@/server/page";
import { ssoView } from "@/views/sso";
import { SsoForm } from "./_components/sso-form";

export const metadata: Metadata = { title: "Single sign-on" };

/** Owners connect the organisation's OpenID Connect provider: who may sign in through it, and with which role. */
export default page(async ({ viewer, ctx }) => {
  const view = await ssoView(ctx);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/organisation", label: "Organisation settings" }} title="Single sign-on">
        <p className="mt-1 max-w-prose text-stone-700">
          People with an address in {viewer.organisation.name}’s domains sign in through your OpenID Connect provider and join the organisation with the role
          their groups give them. {view.configured ? "Single sign-on is on." : "Not set up yet."}
        </p>
      </PageHeader>
      <section className={`${card} space-y-2`} aria-labelledby="redirect-heading">
        <h2 id="redirect-heading" className="text-lg font-semibold">
          Redirect URL for your provider
        </h2>
        <p className="text-stone-700">Register Stave at your provider as a web application with this redirect URL:</p>
        <p>
          <code className="break-all rounded bg-stone-100 px-2 py-1 text-sm" data-testid="sso-redirect-uri">
            {view.redirectUri}
          </code>
        </p>
      </section>
      <section className={card} aria-labelledby="provider-heading">
        <h2 id="provider-heading" className="mb-3 text-lg font-semibold">
          Provider, domains and roles
        </h2>
        <SsoForm form={view.form} roles={view.roles} />
      </section>
    </div>
  );
});
