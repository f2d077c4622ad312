/** One decimal, as every score is reported; an en dash when there is nothing to show. */
export const formatScore = (n: number | null | undefined) => (n === null || n === undefined ? "–" : n.toFixed(1));

export const formatDate = (d: Date | string) =>
  new Date(d).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
