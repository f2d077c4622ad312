import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import type { WebhookDeliveryState } from "@/lib/webhooks/delivery";
import { page } from "@/server/page";
import { webhookDeliveriesView } from "@/views/webhooks";
import { ReplayButton } from "../_components/replay-button";

export const metadata: Metadata = { title: "Webhook deliveries" };

const stateLabels: Record<WebhookDeliveryState, { text: string; style: string }> = {
  pending: { text: "Waiting", style: "bg-stone-200 text-stone-800" },
  retrying: { text: "Trying again", style: "bg-amber-100 text-amber-950" },
  delivered: { text: "Delivered", style: "bg-green-100 text-green-900" },
  failed: { text: "Failed", style: "bg-red-100 text-red-900" },
};

/** An endpoint's latest deliveries: what was sent, what it answered, and a way to send one again. */
export default page(async ({ ctx }, { params }: { params: Promise<{ endpointId: string }> }) => {
  const { endpoint, deliveries } = await webhookDeliveriesView(ctx, (await params).endpointId);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/organisation/webhooks", label: "Webhooks" }} title="Deliveries">
        <p className="mt-1 break-all text-stone-700">{endpoint.url}</p>
      </PageHeader>
      {deliveries.length === 0 ? (
        <p className="text-stone-700">Nothing sent yet: deliveries appear here when one of the endpoint’s events happens.</p>
      ) : (
        <ol className="space-y-3" aria-label="Deliveries, newest first">
          {deliveries.map((d) => (
            <li key={d.id} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4" aria-label={`${d.eventName}, ${formatDateTime(d.createdAt)}`}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{d.eventName}</span>
                <span className={`rounded px-2 py-0.5 text-xs font-semibold ${stateLabels[d.state].style}`}>{stateLabels[d.state].text}</span>
                <span className="text-sm text-stone-700">{formatDateTime(d.createdAt)}</span>
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-stone-700">
                <dt>Attempts</dt>
                <dd>
                  {d.attempts}
                  {d.lastAttemptAt && `, last ${formatDateTime(d.lastAttemptAt)}`}
                </dd>
                <dt>Answer</dt>
                <dd className="break-words">
                  {d.lastStatus !== null ? (
                    <>
                      HTTP {d.lastStatus}
                      {d.lastAnswer && <code className="ml-2 text-xs">{d.lastAnswer.slice(0, 200)}</code>}
                    </>
                  ) : (
                    (d.lastError ?? "–")
                  )}
                </dd>
              </dl>
              {d.body && (
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-wood-700">What was sent</summary>
                  <pre tabIndex={0} aria-label="The body sent" className="mt-2 max-h-80 overflow-auto rounded bg-stone-100 p-2 text-xs whitespace-pre-wrap">
                    {prettyJson(d.body)}
                  </pre>
                </details>
              )}
              <ReplayButton deliveryId={d.id} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
});

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
