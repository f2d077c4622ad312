import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { card } from "@/components/ui/styles";
import { findOrganisation } from "@/server/current-organisation";
import { DemoForm, SetupForm } from "./setup-forms";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await findOrganisation()) redirect("/teams");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Welcome to Stave</h1>
        <p className="mt-2 text-stone-700">
          A barrel holds water only up to its lowest stave. Stave shows your teams which area of their delivery
          practice is that lowest stave, and how it changes from one assessment to the next.
        </p>
      </div>
      <section className={card} aria-labelledby="setup-heading">
        <h2 id="setup-heading" className="text-lg font-semibold">Name your organisation</h2>
        <SetupForm />
      </section>
      <section className={card} aria-labelledby="demo-heading">
        <h2 id="demo-heading" className="text-lg font-semibold">Or explore with demo data</h2>
        <p className="mt-1 text-sm text-stone-700">
          Creates a demo organisation with six teams and two years of quarterly assessments, so every chart has a story to
          tell. You can start over later with a fresh data folder.
        </p>
        <DemoForm />
      </section>
    </div>
  );
}
