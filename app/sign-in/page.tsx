import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { isFirstRun } from "@/db/queries/organisations";
import { boot } from "@/server/boot";
import { getSignedInUser } from "@/server/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  await boot();
  const { next } = await searchParams;
  if (await getSignedInUser()) redirect(next ?? "/");
  if (await isFirstRun()) redirect("/sign-up");
  return (
    <AuthCard
      title="Sign in to Stave"
      intro={
        <p>
          New here?{" "}
          <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up"} className="font-medium text-wood-700 underline">
            Create an account
          </Link>
          .
        </p>
      }
    >
      <SignInForm next={next} />
    </AuthCard>
  );
}
