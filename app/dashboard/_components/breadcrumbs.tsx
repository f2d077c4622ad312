import { IntentLink } from "@/components/ui/intent-link";
import type { GroupNode } from "@/lib/groups";
import { dashboardHref, type DashboardQuery } from "@/lib/validation/dashboard";

/** Organisation › department › tribe: each step opens that level's dashboard with the same filters. */
export function Breadcrumbs({ organisation, path, query }: { organisation: string; path: readonly GroupNode[]; query: Partial<DashboardQuery> }) {
  const steps = [{ id: null as string | null, name: organisation }, ...path.map((g) => ({ id: g.id as string | null, name: g.name }))];
  return (
    <nav aria-label="Breadcrumbs" className="text-sm text-stone-600">
      <ol className="flex flex-wrap gap-1">
        {steps.map((step, i) => (
          <li key={step.id ?? "organisation"} className="flex gap-1">
            {i > 0 && <span aria-hidden="true">›</span>}
            {i === steps.length - 1 ? (
              <span aria-current="page" className="font-medium text-stone-800">
                {step.name}
              </span>
            ) : (
              <IntentLink href={dashboardHref("/dashboard", { ...query, group: step.id ?? undefined, page: 1 })} className="hover:underline">
                {step.name}
              </IntentLink>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
