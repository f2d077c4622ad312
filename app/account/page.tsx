import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { card } from "@/components/ui/styles";
import { roleLabels } from "@/lib/permissions";
import { requireViewer } from "@/server/session";
import { startUp } from "@/server/start-up";
import { notificationChoicesView } from "@/views/notification-choices";
import { ChangePasswordForm } from "./change-password-form";
import { NotificationChoicesForm } from "./notification-choices-form";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<{ password?: string }> };

export default async function AccountPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const { password } = await searchParams;
  const choices = await notificationChoicesView((await startUp()).db, viewer.user.id);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">{viewer.user.name}</h1>
        <p className="text-stone-700">{viewer.user.email}</p>
      </div>
      <section className={card} aria-labelledby="orgs-heading">
        <h2 id="orgs-heading" className="text-lg font-semibold">
          Your organisations
        </h2>
        <ul className="mt-2 space-y-1">
          {viewer.memberships.map((m) => (
            <li key={m.organisationId}>
              {m.organisationName} <span className="text-sm text-stone-600">· {roleLabels[m.role]}</span>
            </li>
          ))}
        </ul>
        <IntentLink href="/organisations/new" className="mt-3 inline-block text-sm font-medium text-wood-700 underline">
          Create another organisation
        </IntentLink>
      </section>
      <section className={card} aria-labelledby="reminders-heading">
        <h2 id="reminders-heading" className="text-lg font-semibold">
          Reminders by mail
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Choose which reminders Stave mails you, in every organisation you belong to. Each mail has a link to stop its kind.
        </p>
        <NotificationChoicesForm choices={choices} />
      </section>
      <section className={card} aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change your password
        </h2>
        <p className="mt-1 text-sm text-stone-700">Changing it signs you out everywhere else.</p>
        {password === "changed" && (
          <p role="status" className="mt-2 text-sm font-medium text-emerald-700">
            Password changed. Other sessions were signed out.
          </p>
        )}
        <ChangePasswordForm />
      </section>
    </div>
  );
}
