import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { card } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/format";
import { page } from "@/server/page";
import { outboxMailView } from "@/views/outbox";
import { MailStatus } from "../_components/mail-status";

export const metadata: Metadata = { title: "Outgoing mail" };

type Props = { params: Promise<{ mailId: string }> };

/** One outgoing mail as its recipient reads it (the plain-text part), with what became of it. */
export default page(async ({ ctx }, { params }: Props) => {
  const mail = await outboxMailView(ctx, (await params).mailId);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/organisation/outbox", label: "Outgoing mail" }} title={mail.subject} titleClassName="break-words" />
      <section className={`${card} space-y-4`} aria-labelledby="mail-heading">
        <h2 id="mail-heading" className="sr-only">
          The mail
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium text-stone-700">To</dt>
          <dd className="break-all">{mail.to}</dd>
          <dt className="font-medium text-stone-700">Queued</dt>
          <dd>{formatDateTime(mail.createdAt)}</dd>
          <dt className="font-medium text-stone-700">State</dt>
          <dd>
            <MailStatus status={mail.status} />
          </dd>
          <dt className="font-medium text-stone-700">Attempts</dt>
          <dd>{mail.attempts}</dd>
          {mail.lastError && (
            <>
              <dt className="font-medium text-stone-700">Last error</dt>
              <dd>{mail.lastError}</dd>
            </>
          )}
        </dl>
        <pre className="overflow-x-auto rounded border border-stone-200 bg-stone-50 p-4 font-sans text-sm whitespace-pre-wrap">{mail.text}</pre>
      </section>
    </div>
  );
});
