import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { AuthCard } from "@/components/auth-card";
import { button } from "@/components/ui/styles";
import { previewInvitation, type InvitationPreview } from "@/db/queries/invitations";
import { AppError } from "@/lib/errors";
import { joinSentence } from "@/lib/invitation-text";
import { getSignedInUser } from "@/server/session";
import { startUp } from "@/server/start-up";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const { db } = await startUp();
  let invitation: InvitationPreview | undefined;
  let problem: string | undefined;
  try {
    invitation = await previewInvitation(db, token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  if (!invitation) {
    return (
      <AuthCard title="Invitation not valid">
        <p>{problem}</p>
      </AuthCard>
    );
  }
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
