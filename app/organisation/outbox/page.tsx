import type { Metadata } from "next";
import Link from "next/link";
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
      <div>
        <p className="text-sm">
          <Link href="/organisation" className="text-wood-700 hover:underline">
            Organisation settings
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-wood-900">Outgoing mail</h1>
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
      </div>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Outgoing mail</caption>
          <thead className="bg-stone-100 text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Queued
              </th>
              <th scope="col" className="px-3 py-2">
                To
              </th>
              <th scope="col" className="px-3 py-2">
                Subject
              </th>
              <th scope="col" className="px-3 py-2">
                State
              </th>
              <th scope="col" className="px-3 py-2">
                Attempts
              </th>
              <th scope="col" className="px-3 py-2">
                Last error
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {view.mails.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-2 text-stone-600">
                  No mail yet.
                </td>
              </tr>
            )}
            {view.mails.map((m) => (
              <tr key={m.id}>
                <td className="px-3 py-2 sm:whitespace-nowrap">{formatDateTime(m.createdAt)}</td>
                <td className="px-3 py-2 break-all">{m.to}</td>
                <td className="px-3 py-2">
                  <Link href={`/organisation/outbox/${m.id}`} prefetch={false} className="font-medium text-wood-700 underline">
                    {m.subject}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <MailStatus status={m.status} />
                </td>
                <td className="px-3 py-2">{m.attempts}</td>
                <td className="px-3 py-2 text-stone-700">{m.lastError ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
