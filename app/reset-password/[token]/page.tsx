import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** Where a reset link leads: a new password, typed twice. Whether the link still works is said when it is used. */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  return (
    <AuthCard title="Choose a new password" intro={<p>Every device signed in to your account is signed out when the password changes.</p>}>
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
