import { formatDate } from "../format";
import { joinSentence } from "../invitation-text";
import type { Role } from "../permissions";
import { mailBody, type MailMessage } from "./message";

export type InvitationMailInput = {
  to: string;
  inviterName: string;
  organisationName: string;
  role: Role;
  teams: readonly string[];
  link: string;
  expiresAt: Date;
};

/** The mail that carries an invitation link; not a notification (someone chose to send it), so no unsubscribe link. */
export function invitationMail({ to, inviterName, organisationName, role, teams, link, expiresAt }: InvitationMailInput): MailMessage {
  return {
    to,
    subject: `${inviterName} invites you to ${organisationName} on Stave`,
    ...mailBody({
      paragraphs: [
        `Hello,`,
        `${inviterName} invites you to ${organisationName} on Stave, where teams assess their DevOps practice. ${joinSentence(organisationName, role, teams)}`,
        `The link works once, until ${formatDate(expiresAt)}. Open it to create an account (or sign in) and join.`,
      ],
      action: { label: "Accept the invitation", href: link },
      closing: "If you did not expect this, ignore this mail: nothing happens unless you open the link.",
    }),
  };
}
