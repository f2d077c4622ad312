import "server-only";
import { redirect } from "next/navigation";
import { getFirstOrganisation, type OrganisationSummary } from "@/db/queries/organisations";
import { boot } from "./boot";

const shared = ((globalThis as { __staveOrganisation?: { first?: OrganisationSummary } }).__staveOrganisation ??= {});

/** The organisation a request acts for; undefined before set-up. */
export async function findOrganisation(): Promise<OrganisationSummary | undefined> {
  await boot();
  // The first organisation never changes once it exists, so it is looked up once per process.
  shared.first ??= await getFirstOrganisation();
  return shared.first;
}

/** For pages: the organisation a request acts for, or the set-up page when there is none yet. */
export async function requireOrganisation(): Promise<OrganisationSummary> {
  const organisation = await findOrganisation();
  if (!organisation) redirect("/setup");
  return organisation;
}
