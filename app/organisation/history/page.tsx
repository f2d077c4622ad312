import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { card } from "@/components/ui/styles";
import { page } from "@/server/page";
import { historyImportView } from "@/views/history";
import { ImportHistory } from "./_components/import-history";

export const metadata: Metadata = { title: "Import a history" };

/** Bringing a history exported from another Stave into this organisation: a preview first, then the import. */
export default page(async ({ ctx }) => {
  const view = await historyImportView(ctx);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/organisation", label: "Organisation settings" }} title="Import a history">
        <p className="mt-1 max-w-prose text-stone-700">
          Bring teams, groups, their submitted assessments and the reports of their workshops exported from another Stave into {view.organisationName}. You see
          what it will create first; nothing changes until you import. Importing the same file again changes nothing. People are matched to members here by
          e-mail address.
        </p>
      </PageHeader>
      <section className={card} aria-labelledby="file-heading">
        <h2 id="file-heading" className="mb-3 text-lg font-semibold">
          History file
        </h2>
        <ImportHistory maxMegabytes={view.maxMegabytes} />
      </section>
    </div>
  );
});
