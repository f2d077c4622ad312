import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { card } from "@/components/ui/styles";
import { isFirstRun } from "@/db/queries/organisations";
import { boot } from "@/server/boot";
import { getSignedInUser } from "@/server/session";
import { DemoForm, SignUpForm } from "./sign-up-forms";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  await boot();
  const { next } = await searchParams;
  if (await getSignedInUser()) redirect(next ?? "/");
  const firstRun = await isFirstRun();
  return (
    <div className="space-y-6">
      <AuthCard
        title={firstRun ? "Welcome to Stave" : "Create your account"}
        intro={
          firstRun ? (
            <p>
              A barrel holds water only up to its lowest stave. Stave shows your teams which area of their delivery practice is
              that lowest stave, and how it changes over time. Create the first account; next you name your organisation.
            </p>
          ) : (
            <p>
              Already have an account?{" "}
              <Link href={next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in"} className="font-medium text-wood-700 underline">
                Sign in
              </Link>
              .
            </p>
          )
        }
      >
        <SignUpForm next={next} />
      </AuthCard>
      {firstRun && (
        <section className={`${card} mx-auto max-w-md`} aria-labelledby="demo-heading">
          <h2 id="demo-heading" className="text-lg font-semibold">Or explore with demo data</h2>
          <p className="mt-1 text-sm text-stone-700">
            Creates a demo organisation with six teams, two years of quarterly assessments and one sign-in per role.
          </p>
          <DemoForm />
        </section>
      )}
    </div>
  );
}
