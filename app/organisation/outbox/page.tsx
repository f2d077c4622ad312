import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { card } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { mailer } from "@/server/mail";
import { page } from "@/server/page";
import { outboxView } from "@/views/outbox";
import { MailStatus } from "./_components/mail-status";

export const metadata: Metadata = { title: "Outgoing mail" };

/** The organisation's outgoing mail: what went out, what is being tried again and why, what was kept because no SMTP server is configured. */
export default page(async ({ viewer, ctx }) => {
  const view = await outboxView(ctx, mailer().configured);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/organisation", label: "Organisation settings" }} title="Outgoing mail">
        <p className="mt-1 max-w-prose text-stone-700">
          The latest {view.limit} mails Stave sent for {viewer.organisation.name}, newest first. A mail that could not be sent is tried again after 1, 5 and 30
          minutes and 2 hours, then given up.
        </p>
        {!view.smtpConfigured && (
          <p role="status" className="mt-3 max-w-prose rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
            No SMTP server is configured (<code>SMTP_URL</code> and <code>MAIL_FROM</code>), so mail is kept here instead of being sent. Open one to read it and
            pass it on yourself.
          </p>
        )}
      </PageHeader>
      {view.mails.length === 0 ? (
        <p className={`${card} text-stone-700`}>No mail yet.</p>
      ) : (
        <ul aria-label="Outgoing mail" className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {view.mails.map((m) => (
            <li key={m.id} className="space-y-1 px-4 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <Link href={`/organisation/outbox/${m.id}`} prefetch={false} className="font-semibold text-wood-700 underline">
                  {m.subject}
                </Link>
                <MailStatus status={m.status} />
              </div>
              <p className="text-sm text-stone-700">
                To <span className="break-all">{m.to}</span> · queued {formatDateTime(m.createdAt)} · {m.attempts} attempt{m.attempts === 1 ? "" : "s"}
              </p>
              {m.lastError && <p className="text-sm text-red-800">Last error: {m.lastError}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
