export function underBuildLock<T>(lockFile: string, fn: () => T, options?: { pollMs?: number }): T;
