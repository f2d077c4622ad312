import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { card } from "@/components/ui/styles";
import { getSignedInUser } from "@/server/session";
import { startUp } from "@/server/start-up";
import { signInView } from "@/views/entry";
import { ssoErrorMessage } from "@/lib/sso/sign-in-errors";
import { DemoSignIns } from "./_components/demo-sign-ins";
import { SsoSignInForm } from "./_components/sso-sign-in-form";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string; password?: string; sso?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { db } = await startUp();
  const { next, password, sso, error } = await searchParams;
  const ssoRefusal = sso === "failed" ? ssoErrorMessage(error ?? "") : undefined;
  if (await getSignedInUser()) redirect(next ?? "/");
  const { firstRun, demo } = await signInView(db);
  if (firstRun) redirect("/sign-up");
  return (
    <div className="space-y-6">
      <AuthCard
        title="Sign in to Stave"
        intro={
          <p>
            New here?{" "}
            <IntentLink href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"} className="font-medium text-wood-700 underline">
              Create an account
            </IntentLink>
            .
          </p>
        }
      >
        {password === "reset" && (
          <p role="status" className="mb-4 text-sm font-medium text-emerald-700">
            Your password was changed and every device was signed out. Sign in with the new password.
          </p>
        )}
        {ssoRefusal && (
          <p role="alert" className="mb-4 text-sm font-medium text-red-800" data-testid="sso-refusal">
            {ssoRefusal}
          </p>
        )}
        <SignInForm next={next} />
        <p className="mt-4 text-sm">
          <IntentLink href="/forgot-password" className="font-medium text-wood-700 underline">
            Forgot your password?
          </IntentLink>
        </p>
        <SsoSignInForm next={next} />
      </AuthCard>
      {demo.length > 0 && (
        <section className={`${card} mx-auto max-w-md`} aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="text-lg font-semibold">
            Explore the demo
          </h2>
          <p className="mt-1 text-sm text-stone-700">This installation has a demo organisation. Try it as any role:</p>
          <div className="mt-3">
            <DemoSignIns signIns={demo} />
          </div>
        </section>
      )}
    </div>
  );
}
