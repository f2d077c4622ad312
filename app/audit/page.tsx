import type { Metadata } from "next";
import { formatDateTime } from "@/lib/format";
import { page } from "@/server/page";
import { auditView } from "@/views/settings";

export const metadata: Metadata = { title: "Audit log" };

export default page(async ({ viewer, ctx }) => {
  const events = await auditView(ctx);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-wood-900">Audit log</h1>
        <p className="mt-1 text-stone-700">Membership and role changes, team changes and submissions in {viewer.organisation.name}; newest first.</p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events</caption>
          <thead className="bg-stone-100 text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                When
              </th>
              <th scope="col" className="px-3 py-2">
                Who
              </th>
              <th scope="col" className="px-3 py-2">
                What
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {events.length === 0 && (
              <tr>
                <td colSpan={3} className="px-3 py-2 text-stone-600">
                  Nothing recorded yet.
                </td>
              </tr>
            )}
            {events.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-2 sm:whitespace-nowrap">{formatDateTime(e.createdAt)}</td>
                <td className="px-3 py-2">{e.actorName}</td>
                <td className="px-3 py-2">{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
