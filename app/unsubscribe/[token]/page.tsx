import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { AuthCard } from "@/components/auth-card";
import { setReminderByLink } from "@/server/unsubscribe";
import { ResumeForm } from "./resume-form";

export const metadata: Metadata = { title: "Reminders stopped", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** Where a reminder's "stop these messages" link leads: opening it stops that kind at once, signed in or not. */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const stopped = await setReminderByLink(decodeURIComponent(token), false);
  if (!stopped) {
    return (
      <AuthCard title="This link does not work" intro={<p>It may be incomplete. Sign in and choose which reminders you get on your account page.</p>}>
        <IntentLink href="/account" className="font-medium text-wood-700 underline">
          Your account
        </IntentLink>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Reminders stopped" intro={<p role="status">You will get no more “{stopped.label}” reminders from Stave.</p>}>
      <div className="space-y-4">
        <ResumeForm token={decodeURIComponent(token)} />
        <p className="text-sm text-stone-700">
          Choose every kind of reminder on{" "}
          <IntentLink href="/account" className="font-medium text-wood-700 underline">
            your account page
          </IntentLink>
          .
        </p>
      </div>
    </AuthCard>
  );
}
