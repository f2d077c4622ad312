import type { Metadata } from "next";
import { ModelPreview } from "@/components/models/model-preview";
import { IntentLink } from "@/components/ui/intent-link";
import { formatDate } from "@/lib/format";
import { page } from "@/server/page";
import { modelView } from "@/views/models";

export const metadata: Metadata = { title: "Model" };

type Props = { params: Promise<{ modelId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One model: its versions, what each changed, and every question and level of the chosen version. */
export default page(async ({ ctx }, { params, searchParams }: Props) => {
  const asked = (await searchParams).version;
  const view = await modelView(ctx, decodeURIComponent((await params).modelId), typeof asked === "string" ? asked : undefined);
  const { model: found, shown, definition: model, before } = view;
  const changes = before?.changes;
  const titled = (list: { title: string }[]) => list.map((q) => q.title).join(", ");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-stone-600">
          <IntentLink href="/models" className="hover:underline">
            Models
          </IntentLink>{" "}
          /
        </p>
        <h1 className="text-2xl font-bold text-wood-900">
          {model.name} {model.version}
        </h1>
        <p className="text-sm text-stone-700">
          {found.shipped ? "Shipped with Stave" : "Your organisation's own"} · {shown.areas} areas · {shown.questions} questions · published{" "}
          {formatDate(shown.publishedAt)}
        </p>
        {model.description && <p className="mt-2 max-w-3xl text-stone-800">{model.description}</p>}
      </div>

      <nav aria-label="Versions" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">Versions:</span>
        {found.versions.map((v) => (
          <IntentLink
            key={v.id}
            href={`/models/${found.modelId}?version=${v.version}`}
            aria-current={v.id === shown.id ? "page" : undefined}
            className={`rounded px-2 py-0.5 ${v.id === shown.id ? "bg-wood-700 font-semibold text-white" : "bg-stone-100 text-stone-800 hover:bg-stone-200"}`}
          >
            {v.version}
          </IntentLink>
        ))}
      </nav>

      {changes && (
        <section aria-labelledby="changes-heading" className="rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-sm" data-testid="version-changes">
          <h2 id="changes-heading" className="font-semibold">
            What changed from {before!.version}: {shown.changes}
          </h2>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-stone-700">
            {changes.added.length > 0 && <li>Added: {titled(changes.added)}</li>}
            {changes.removed.length > 0 && <li>Removed: {titled(changes.removed)}</li>}
            {changes.renamed.length > 0 && <li>Renamed: {changes.renamed.map((q) => `${q.from} → ${q.questionId}`).join(", ")}</li>}
            {changes.reworded.length > 0 && <li>Reworded: {titled(changes.reworded)}</li>}
          </ul>
          <p className="mt-1 text-stone-600">Trends compare the questions the two versions share; the others are left out of comparisons.</p>
        </section>
      )}

      <ModelPreview model={model} />
    </div>
  );
});
