import { redirect } from "next/navigation";
import { requireViewer } from "@/server/session";

export default async function Home() {
  await requireViewer();
  redirect("/teams");
}
