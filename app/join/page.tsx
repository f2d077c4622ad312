import type { Metadata } from "next";
import { card } from "@/components/ui/styles";
import { formatJoinCode, parseJoinCode } from "@/lib/workshop/join-code";
import { JoinForm } from "./_components/join-form";

export const metadata: Metadata = { title: "Join a workshop" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where a participant's phone lands (the QR code carries the code): no account needed. */
export default async function JoinPage({ searchParams }: Props) {
  const given = (await searchParams).code;
  const code = typeof given === "string" ? parseJoinCode(given) : undefined;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-wood-900">Join a workshop</h1>
      <p className="text-stone-700">Vote from this phone on each question the facilitator shows. No account is needed.</p>
      <div className={card}>
        <JoinForm code={code ? formatJoinCode(code) : ""} />
      </div>
    </div>
  );
}
