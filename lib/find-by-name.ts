/** A name as a search compares it: without case or accents ("Zürich" is found by "zurich"). */
const folded = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");

/** The items whose name contains `find`, in their order; every item when `find` is empty. */
export function findByName<T extends { name: string }>(items: readonly T[], find: string | undefined): T[] {
  const wanted = folded(find?.trim() ?? "");
  if (!wanted) return [...items];
  return items.filter((item) => folded(item.name).includes(wanted));
}
