// Model versions are semantic versions (major.minor.patch); the newest is the highest, whatever
// order they were stored in.

const parts = (version: string) => version.split(".").map((n) => Number.parseInt(n, 10));

/** Negative when `a` is older than `b`, positive when newer, 0 when the same. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The item with the highest version; undefined for none. */
export const newestVersion = <T extends { version: string }>(items: readonly T[]): T | undefined =>
  items.reduce<T | undefined>((best, item) => (!best || compareVersions(item.version, best.version) > 0 ? item : best), undefined);
