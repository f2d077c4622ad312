import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IntentLink } from "@/components/ui/intent-link";
import { can } from "@/lib/permissions";
import { requireMember } from "@/server/session";
import { PublishModelForm } from "./_components/publish-model-form";

export const metadata: Metadata = { title: "Publish a model" };

/** Owners and admins publish their organisation's own maturity model (or a new version of one). */
export default async function NewModelPage() {
  const { viewer } = await requireMember();
  if (!can(viewer.role, "models.publish")) notFound();
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/models" className="hover:underline">
            Models
          </IntentLink>{" "}
          /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">Publish a model</h1>
        <p className="mt-1 max-w-3xl text-stone-700">
          A model for {viewer.organisation.name} alone, written in the same format as the shipped ones. The same id with a new version number adds a version;
          questions keep their ids across versions (or say which id they <code>replaces</code>), so teams&apos; trends go on through the change.
        </p>
      </div>
      <PublishModelForm />
    </div>
  );
}
