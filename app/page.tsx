import { redirect } from "next/navigation";
import { requireOrganisation } from "@/server/current-organisation";

export default async function Home() {
  await requireOrganisation();
  redirect("/teams");
}
