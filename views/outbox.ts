import "server-only";
import type { Ctx } from "@/db/context";
import { getOutboxMail, listOutbox, OUTBOX_LIMIT } from "@/db/queries/mail";
import { notFoundError } from "@/lib/errors";
import { outboxStatus } from "@/lib/mail/outbox";
import { isUuid } from "@/lib/validation/ids";

type OutboxRow = Awaited<ReturnType<typeof listOutbox>>[number];

const shaped = (m: OutboxRow) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  status: outboxStatus(m),
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  finishedAt: m.finishedAt?.toISOString() ?? null,
});

/** The organisation's outgoing mail, newest first, for its owners and admins. */
export async function outboxView(ctx: Ctx, smtpConfigured: boolean) {
  const mails = await listOutbox(ctx);
  return { smtpConfigured, limit: OUTBOX_LIMIT, mails: mails.map(shaped) };
}

/** One outgoing mail with its plain text. */
export async function outboxMailView(ctx: Ctx, id: string) {
  if (!isUuid(id)) throw notFoundError("The mail");
  const mail = await getOutboxMail(ctx, id);
  return { ...shaped(mail), text: mail.text };
}
