import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { IntentLink } from "@/components/ui/intent-link";
import { mailer } from "@/server/mail";
import { RequestResetForm } from "./request-reset-form";

export const metadata: Metadata = { title: "Forgot your password?" };

/** Asking for a link to choose a new password; without an SMTP server, who to ask instead. */
export default function ForgotPasswordPage() {
  const canMail = mailer().configured;
  return (
    <AuthCard
      title="Forgot your password?"
      intro={
        <p>
          {canMail ? "Enter the address you sign in with and we will mail you a link to choose a new password." : null}{" "}
          <IntentLink href="/sign-in" className="font-medium text-wood-700 underline">
            Back to sign in
          </IntentLink>
        </p>
      }
    >
      {canMail ? (
        <RequestResetForm />
      ) : (
        <p role="status" className="text-stone-800">
          This Stave cannot send mail, so it cannot send you a reset link. Ask an admin of your organisation, or whoever runs Stave, to set your password again.
        </p>
      )}
    </AuthCard>
  );
}
