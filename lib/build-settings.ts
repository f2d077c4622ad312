// What a build fixes for every instance that serves it, read from the environment at `next build`.
// Two builds of the same sources with the same settings accept each other's server actions, so
// instances built separately (one image per host) can stand behind one load balancer.

export type BuildSettings = {
  /** The build id Next.js embeds; `null` lets it make one up, which differs on every build. */
  buildId: string | null;
};

const AES_KEY_BYTES = [16, 24, 32];

/** Reads STAVE_BUILD_ID and checks NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, which Next.js itself reads. */
export function buildSettings(environment: Record<string, string | undefined>): BuildSettings {
  const key = environment.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (key) {
    const base64 = /^[A-Za-z0-9+/]+={0,2}$/.test(key);
    const bytes = base64 ? Buffer.from(key, "base64").length : 0;
    if (!AES_KEY_BYTES.includes(bytes)) {
      throw new Error("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 bytes in base64: make one with `openssl rand -base64 32`");
    }
  }
  const buildId = environment.STAVE_BUILD_ID?.trim();
  if (buildId && !/^[A-Za-z0-9._-]{1,64}$/.test(buildId)) {
    throw new Error("STAVE_BUILD_ID may hold letters, digits, dots, dashes and underscores only (at most 64)");
  }
  return { buildId: buildId || null };
}
