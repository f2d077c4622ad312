import { z } from "zod";

/** One mail as it is queued and kept in its job: the recipient and the message in plain text and simple HTML. */
export const mailMessageSchema = z.object({
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
  html: z.string().min(1),
  /** A notification's link that stops it: also sent as the List-Unsubscribe header, which mail programs offer as a button. */
  unsubscribe: z.url().optional(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

/** What a mail job records when the instance has no SMTP server to send through. */
export const NOT_SENT_NO_SMTP = "Not sent: no SMTP configured";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type MailBody = {
  paragraphs: string[];
  /** Items after the paragraphs, each a line linked to where it is shown (a digest's changes). */
  items?: { text: string; href: string }[];
  /** The one thing the mail asks the reader to do: a link, written out in full in the plain text. */
  action?: { label: string; href: string };
  /** Notifications only: where the reader stops getting them. */
  unsubscribe?: string;
  closing?: string;
};

/** The plain text and the simple HTML of one mail, saying the same things. */
export function mailBody({ paragraphs, items = [], action, unsubscribe, closing }: MailBody): { text: string; html: string; unsubscribe?: string } {
  const text = [
    ...paragraphs,
    ...items.map((item) => `• ${item.text}\n  ${item.href}`),
    ...(action ? [`${action.label}: ${action.href}`] : []),
    ...(closing ? [closing] : []),
    ...(unsubscribe ? [`-- \nTo stop these messages: ${unsubscribe}`] : []),
  ].join("\n\n");
  const p = (inner: string) => `<p style="margin:0 0 16px">${inner}</p>`;
  const html = [
    `<div style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1c1917;max-width:560px">`,
    ...paragraphs.map((para) => p(escapeHtml(para))),
    ...(items.length > 0
      ? [
          `<ul style="margin:0 0 16px;padding-left:20px">${items.map((i) => `<li style="margin:0 0 8px"><a href="${escapeHtml(i.href)}">${escapeHtml(i.text)}</a></li>`).join("")}</ul>`,
        ]
      : []),
    ...(action ? [p(`<a href="${escapeHtml(action.href)}" style="color:#7c4a1e;font-weight:600">${escapeHtml(action.label)}</a>`)] : []),
    ...(closing ? [p(escapeHtml(closing))] : []),
    ...(unsubscribe ? [`<p style="margin:24px 0 0;font-size:13px;color:#57534e"><a href="${escapeHtml(unsubscribe)}">Stop these messages</a></p>`] : []),
    `</div>`,
  ].join("\n");
  return unsubscribe ? { text, html, unsubscribe } : { text, html };
}

/** The mail with a password reset link; not a notification (the reader asked for it), so no unsubscribe link. */
export function passwordResetMail({ to, name, link, validMinutes }: { to: string; name: string; link: string; validMinutes: number }): MailMessage {
  return {
    to,
    subject: "Reset your Stave password",
    ...mailBody({
      paragraphs: [
        `Hello ${name},`,
        `Someone (we hope it was you) asked to reset the password of your Stave account. The link works once, for ${validMinutes} minutes.`,
      ],
      action: { label: "Choose a new password", href: link },
      closing: "If you did not ask for this, ignore this mail: your password stays as it is.",
    }),
  };
}
