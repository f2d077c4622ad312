import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { button, card } from "@/components/ui/styles";
import { formatDate } from "@/lib/format";
import { can } from "@/lib/permissions";
import { page } from "@/server/page";
import { modelLibraryView } from "@/views/models";

export const metadata: Metadata = { title: "Models" };

/** Teams named under "Used by"; the rest are counted, so a model used by hundreds stays one card. */
const TEAMS_NAMED = 10;

/** The model library: every model the organisation may assess with, its versions and who uses it. */
export default page(async ({ viewer, ctx }) => {
  const { screen: library } = await modelLibraryView(ctx);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-wood-900">Models</h1>
          <p className="mt-1 max-w-2xl text-stone-700">
            The maturity models {viewer.organisation.name} assesses with: the ones shipped with Stave and your own. A version never changes once published;
            teams move to a new version when they start their next assessment, and their trend goes on through the change.
          </p>
        </div>
        {can(viewer.role, "models.publish") && (
          <IntentLink href="/models/new" className={button.primary}>
            Publish a model
          </IntentLink>
        )}
      </div>
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Models">
        {library.map((m) => {
          const [newest, ...older] = m.versions;
          return (
            <li key={m.modelId} className={`${card} flex flex-col gap-3`}>
              <div>
                <p className="text-xs font-semibold uppercase tracking-wide text-wood-700">
                  {m.shipped ? "Shipped with Stave" : `${viewer.organisation.name}'s own`}
                </p>
                <h2 className="text-lg font-semibold">
                  <IntentLink href={`/models/${m.modelId}`} className="hover:underline">
                    {m.name}
                  </IntentLink>{" "}
                  <span className="text-sm font-normal text-stone-600">{newest!.version}</span>
                </h2>
                <p className="text-sm text-stone-700">
                  {newest!.areas} areas · {newest!.questions} questions · <code className="text-xs">{m.modelId}</code>
                </p>
              </div>
              {m.description && <p className="line-clamp-3 text-sm text-stone-700">{m.description}</p>}
              <p className="text-sm">
                <span className="font-medium">Used by: </span>
                {m.teams.length === 0 ? (
                  <span className="text-stone-600">no team yet</span>
                ) : (
                  <>
                    {m.teams.slice(0, TEAMS_NAMED).map((team, i) => (
                      <span key={team.id}>
                        {i > 0 && ", "}
                        <IntentLink href={`/teams/${team.id}`} className="text-wood-700 underline">
                          {team.name}
                        </IntentLink>
                      </span>
                    ))}
                    {m.teams.length > TEAMS_NAMED && ` and ${m.teams.length - TEAMS_NAMED} more teams`}
                  </>
                )}
              </p>
              {older.length > 0 && (
                <p className="text-sm text-stone-700">
                  Earlier: {older.map((v) => v.version).join(", ")}. {newest!.version} ({formatDate(newest!.publishedAt)}): {newest!.changes}.
                </p>
              )}
              <IntentLink href={`/models/${m.modelId}`} className="mt-auto text-sm font-medium text-wood-700 underline">
                Preview every question and level
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
