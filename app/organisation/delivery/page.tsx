import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { card } from "@/components/ui/styles";
import { formatDate } from "@/lib/format";
import { page } from "@/server/page";
import { publicOrigin } from "@/server/public-origin";
import { deliveryDataView } from "@/views/delivery";
import { MapServiceForm } from "./_components/map-service-form";
import { MeasuredLevelsForm } from "./_components/measured-levels-form";
import { SourceSecret } from "./_components/source-secret";

export const metadata: Metadata = { title: "Delivery data" };

const setUp: Record<string, string> = {
  github:
    "In the repository’s Settings → Webhooks, add this address as the payload URL (content type application/json), paste the secret, and choose “Deployment statuses”.",
  pagerduty: "In PagerDuty’s Integrations → Generic Webhooks (v3), add this address for the incident triggered and resolved events, and paste the secret.",
};

/** Which team each service's deployments and incidents count for, and where tools that sign send them. */
export default page(async ({ ctx }) => {
  const [view, origin] = await Promise.all([deliveryDataView(ctx), publicOrigin()]);
  return (
    <div className="space-y-8">
      <PageHeader back={{ href: "/organisation", label: "Organisation settings" }} title="Delivery data">
        <p className="mt-1 max-w-prose text-stone-700">
          Deployments, merged changes and incidents give each team its delivery metrics: deployment frequency, change lead time, change fail rate, failed
          deployment recovery time and rework rate. Events name a service (or repository); map each service to the team that owns it. Events of a service no
          team owns are kept and count once you map it.
        </p>
      </PageHeader>
      <section aria-labelledby="services-heading" className="space-y-2">
        <h2 id="services-heading" className="text-lg font-semibold">
          Services
        </h2>
        {view.services.length === 0 ? (
          <p className="text-stone-700">No events have arrived yet: services appear here with their first event.</p>
        ) : (
          <>
            <p className="text-stone-700">
              {view.unmapped === 0
                ? "Every service counts for a team."
                : `${view.unmapped} ${view.unmapped === 1 ? "service is" : "services are"} not mapped to a team yet.`}
            </p>
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Services">
              {view.services.map((s) => (
                <li key={s.id} className="space-y-2 px-4 py-3" aria-label={s.name}>
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-mono font-medium break-all">{s.name}</span>
                    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${s.teamName ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}>
                      {s.teamName ?? "Not mapped"}
                    </span>
                  </p>
                  <p className="text-sm text-stone-700">
                    {s.events} {s.events === 1 ? "event" : "events"} · first seen {formatDate(new Date(s.firstSeenAt))} · last seen{" "}
                    {formatDate(new Date(s.lastSeenAt))}
                  </p>
                  <MapServiceForm serviceId={s.id} name={s.name} teamId={s.teamId} teamName={s.teamName} teams={view.teams} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className={`${card} space-y-2`} aria-labelledby="measured-heading">
        <h2 id="measured-heading" className="text-lg font-semibold">
          Measured levels
        </h2>
        <p className="max-w-prose text-stone-700">
          A model question may be measured by a delivery metric: DevOps Core’s delivery-performance question by deployment frequency. At submission, the quarter
          before is measured and its level shown beside the team’s answer.
        </p>
        <MeasuredLevelsForm capsAnswers={view.capsAnswers} />
      </section>
      <section className={`${card} space-y-2`} aria-labelledby="api-heading">
        <h2 id="api-heading" className="text-lg font-semibold">
          From your pipeline
        </h2>
        <p className="max-w-prose text-stone-700">
          Send events to <code className="text-sm break-all">{origin.origin}/api/v1/events</code> with an API token that has the{" "}
          <code className="text-sm">events:write</code> scope (create one on the{" "}
          <a href="/api-tokens" className="font-medium text-wood-700 underline">
            API tokens
          </a>{" "}
          page), as Stave’s own JSON or as CDEvents. The{" "}
          <a href="/api/v1/openapi.json" className="font-medium text-wood-700 underline">
            API’s description
          </a>{" "}
          shows the format. An event sent twice is recorded once.
        </p>
      </section>
      {view.sources.map((source) => (
        <section key={source.kind} className={`${card} space-y-2`} aria-labelledby={`${source.kind}-heading`}>
          <h2 id={`${source.kind}-heading`} className="text-lg font-semibold">
            {source.label}
          </h2>
          <p className="max-w-prose text-stone-700">{setUp[source.kind]}</p>
          {source.path ? (
            <p className="text-sm">
              <span className="font-medium text-stone-800">Address: </span>
              <code className="break-all" data-testid={`${source.kind}-address`}>
                {origin.origin}
                {source.path}
              </code>
              <span className="text-stone-700"> · secret set {formatDate(new Date(source.since!))}</span>
            </p>
          ) : (
            <p className="text-sm text-stone-700">Not set up yet.</p>
          )}
          <SourceSecret kind={source.kind} label={source.label} exists={source.path !== null} />
        </section>
      ))}
    </div>
  );
});
