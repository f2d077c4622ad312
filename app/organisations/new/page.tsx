import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { getSignedInUser, getViewer } from "@/server/session";
import { CreateOrganisationForm } from "./create-organisation-form";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrganisationPage() {
  const signedIn = await getSignedInUser();
  if (!signedIn) redirect("/sign-in?next=/organisations/new");
  const viewer = await getViewer();
  return (
    <AuthCard title={viewer ? "Create another organisation" : "Name your organisation"} intro={<p>You will be its owner, and can invite others by link.</p>}>
      <CreateOrganisationForm />
    </AuthCard>
  );
}
