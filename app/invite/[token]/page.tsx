import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { AuthCard } from "@/components/auth-card";
import { button } from "@/components/ui/styles";
import { joinSentence } from "@/lib/invitation-text";
import { getSignedInUser } from "@/server/session";
import { startUp } from "@/server/start-up";
import { invitationView } from "@/views/entry";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const { db } = await startUp();
  const found = await invitationView(db, token);
  if ("problem" in found) {
    return (
      <AuthCard title="Invitation not valid">
        <p>{found.problem}</p>
      </AuthCard>
    );
  }
  const { invitation } = found;
  const signedIn = await getSignedInUser();
  const next = encodeURIComponent(`/invite/${token}`);
  return (
    <AuthCard
      title={`Join ${invitation.organisationName}`}
      intro={<p data-testid="invitation-offer">{joinSentence(invitation.organisationName, invitation.role, invitation.teams)}</p>}
    >
      {signedIn ? (
        <AcceptInvitationForm token={token} name={signedIn.user.name} />
      ) : (
        <div className="flex flex-wrap gap-3">
          <IntentLink href={`/sign-up?next=${next}`} className={button.primary}>
            Create an account
          </IntentLink>
          <IntentLink href={`/sign-in?next=${next}`} className={button.secondary}>
            Sign in
          </IntentLink>
        </div>
      )}
    </AuthCard>
  );
}
