import "server-only";
import { createTransport } from "nodemailer";
import { PermanentJobError } from "@/db/queries/jobs";
import { env } from "@/lib/env";
import { mailMessageSchema, NOT_SENT_NO_SMTP } from "@/lib/mail/message";

// The one place Stave talks SMTP (through nodemailer). A mail is always a job (see db/queries/mail.ts):
// this sends the message a job holds, and says whether trying again could help.

export type Mailer = {
  /** Whether there is an SMTP server to send through; without one, mail is kept for admins to read. */
  configured: boolean;
  /** Sends a queued mail's message; returns what became of it (kept as the job's outcome). */
  send: (payload: unknown) => Promise<string>;
};

/** Whether an SMTP reply refuses the message for good (5xx), rather than for now (4xx, or no reply at all). 503 only says the session went wrong. */
const refusedForGood = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600 && code !== 503;
};

export function createMailer({ smtpUrl, from }: { smtpUrl?: string; from?: string }): Mailer {
  if (!smtpUrl || !from) return { configured: false, send: async () => NOT_SENT_NO_SMTP };
  // A slow or silent server fails the attempt (retried later) instead of holding the job's lease.
  const transport = createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }, { from });
  return {
    configured: true,
    send: async (payload) => {
      const { unsubscribe, ...message } = mailMessageSchema.parse(payload);
      try {
        const info = await transport.sendMail({ ...message, list: unsubscribe ? { unsubscribe } : undefined });
        return `Sent (${info.response})`;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (refusedForGood(error)) throw new PermanentJobError(`The mail server refused the message: ${reason}`, { cause: error });
        throw new Error(`Could not send through the mail server: ${reason}`, { cause: error });
      }
    },
  };
}

const shared = ((globalThis as { __staveMailer?: { mailer?: Mailer } }).__staveMailer ??= {});

/** The mailer of this instance, from SMTP_URL and MAIL_FROM. */
export function mailer(): Mailer {
  shared.mailer ??= createMailer({ smtpUrl: env().SMTP_URL, from: env().MAIL_FROM });
  return shared.mailer;
}
