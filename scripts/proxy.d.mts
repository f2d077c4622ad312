type Own = { dir: string; remove: () => Promise<void> };
export function runOwn(
  command: string,
  options: { port: number; prefix: string; configure: (dir: string) => void; args: (dir: string) => string[] },
): Promise<Own>;
export function startNginx(options: { port: number; upstreams: number[]; balance?: string; extra?: string }): Promise<Own>;
export function startPgBouncer(options: { port: number; databaseUrl: string; poolSize?: number }): Promise<{ url: string; remove: () => Promise<void> }>;
