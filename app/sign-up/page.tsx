import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { getSignedInUser } from "@/server/session";
import { startUp } from "@/server/start-up";
import { signUpView } from "@/views/entry";
import { FirstRun, SignUpForm } from "./sign-up-forms";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { db } = await startUp();
  const { next } = await searchParams;
  if (await getSignedInUser()) redirect(next ?? "/");
  if ((await signUpView(db)).firstRun) {
    return (
      <FirstRun
        intro={
          <p>
            A barrel holds water only up to its lowest stave. Stave shows your teams which area of their delivery practice is that lowest stave, and how it
            changes over time. Create the first account; next you name your organisation.
          </p>
        }
      />
    );
  }
  return (
    <AuthCard
      title="Create your account"
      intro={
        <p>
          Already have an account?{" "}
          <IntentLink href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"} className="font-medium text-wood-700 underline">
            Sign in
          </IntentLink>
          .
        </p>
      }
    >
      <SignUpForm next={next} />
    </AuthCard>
  );
}
