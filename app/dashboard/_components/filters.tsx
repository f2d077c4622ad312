import { button, field } from "@/components/ui/styles";
import { flattenGroups, type GroupNode } from "@/lib/groups";
import { DASHBOARD_PERIODS, type DashboardQuery } from "@/lib/validation/dashboard";

/** The dashboard's filters: a plain GET form, so the view lives in its link and works without scripts. */
export function DashboardFilters({
  query,
  groups,
  models,
  modelId,
}: {
  query: DashboardQuery;
  groups: readonly GroupNode[];
  models: readonly { modelId: string; name: string }[];
  modelId: string;
}) {
  return (
    <form
      method="get"
      action="/dashboard"
      className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:grid-cols-[repeat(4,minmax(0,1fr))_auto] sm:items-end"
      aria-label="Filters"
    >
      <div>
        <label htmlFor="filter-group" className={field.label}>
          Group
        </label>
        <select id="filter-group" name="group" defaultValue={query.group ?? ""} className={field.input}>
          <option value="">Whole organisation</option>
          {flattenGroups(groups).map(({ group, depth }) => (
            <option key={group.id} value={group.id}>
              {"\u2003".repeat(depth)}
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-model" className={field.label}>
          Model
        </label>
        <select id="filter-model" name="model" defaultValue={modelId} className={field.input}>
          {models.map((m) => (
            <option key={m.modelId} value={m.modelId}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-quarters" className={field.label}>
          Period
        </label>
        <select id="filter-quarters" name="quarters" defaultValue={String(query.quarters)} className={field.input}>
          {DASHBOARD_PERIODS.map((n) => (
            <option key={n} value={n}>
              Last {n} quarters
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-sort" className={field.label}>
          Teams sorted by
        </label>
        <select id="filter-sort" name="sort" defaultValue={query.sort} className={field.input}>
          <option value="name">Name</option>
          <option value="group">Group</option>
        </select>
      </div>
      <button type="submit" className={button.primary}>
        Show
      </button>
    </form>
  );
}
