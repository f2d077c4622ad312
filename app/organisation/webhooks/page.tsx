import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { card } from "@/components/ui/styles";
import { formatDate, formatDateTime } from "@/lib/format";
import { page } from "@/server/page";
import { webhooksView } from "@/views/webhooks";
import { CreateEndpointForm } from "./_components/create-endpoint-form";
import { EndpointControls } from "./_components/endpoint-controls";

export const metadata: Metadata = { title: "Webhooks" };

/** Where Stave tells other tools what changes in the barrel: endpoints, their events, and their deliveries. */
export default page(async ({ viewer, ctx }) => {
  const view = await webhooksView(ctx);
  return (
    <div className="space-y-8">
      <PageHeader back={{ href: "/organisation", label: "Organisation settings" }} title="Webhooks">
        <p className="mt-1 max-w-prose text-stone-700">
          Stave posts what happens in {viewer.organisation.name}’s barrels to your endpoints: each delivery is signed as{" "}
          <a href="https://www.standardwebhooks.com/" className="font-medium text-wood-700 underline">
            Standard Webhooks
          </a>{" "}
          says (<code className="text-sm">webhook-id</code>, <code className="text-sm">webhook-timestamp</code>,{" "}
          <code className="text-sm">webhook-signature</code>) and carries the same JSON the API serves. An endpoint that does not answer 2xx within 10 seconds
          is tried again after 1, 5 and 30 minutes and 2 hours.
        </p>
      </PageHeader>
      <section className={card} aria-labelledby="add-endpoint-heading">
        <h2 id="add-endpoint-heading" className="text-lg font-semibold">
          Add an endpoint
        </h2>
        <CreateEndpointForm events={view.events} />
      </section>
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          Endpoints
        </h2>
        {view.endpoints.length === 0 ? (
          <p className="mt-2 text-stone-700">No endpoints yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Endpoints">
            {view.endpoints.map((e) => (
              <li key={e.id} className="space-y-3 px-4 py-3" aria-label={e.url}>
                <div className="space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all">{e.url}</span>
                    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${e.enabled ? "bg-green-100 text-green-900" : "bg-stone-200 text-stone-800"}`}>
                      {e.enabled ? "Active" : "Paused"}
                    </span>
                  </p>
                  {e.description && <p className="text-stone-800">{e.description}</p>}
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-stone-700">
                    <dt>Events</dt>
                    <dd>{e.eventNames.join(", ")}</dd>
                    <dt>Written as</dt>
                    <dd>{e.format === "slack" ? "Slack-compatible text" : "Standard Webhooks JSON"}</dd>
                    <dt>Added</dt>
                    <dd>
                      {formatDate(e.createdAt)} by {e.creatorName ?? "a former member"}
                    </dd>
                    {e.previousSecretUntil && (
                      <>
                        <dt>Old secret</dt>
                        <dd>also signs until {formatDateTime(e.previousSecretUntil)}</dd>
                      </>
                    )}
                  </dl>
                  <p>
                    <Link href={`/organisation/webhooks/${e.id}`} prefetch={false} className="text-sm font-medium text-wood-700 underline">
                      Deliveries<span className="sr-only"> to {e.url}</span>
                    </Link>
                  </p>
                </div>
                <EndpointControls endpointId={e.id} url={e.url} enabled={e.enabled} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
});
