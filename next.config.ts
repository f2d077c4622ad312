import type { NextConfig } from "next";
import { buildSettings } from "./lib/build-settings";
import { securityHeaders } from "./lib/security-headers";

// Checked before anything is built: a wrong key would only show when an action fails.
const { buildId } = buildSettings(process.env);

const nextConfig: NextConfig = {
  // Benchmarks build into their own folder so they never disturb a running server's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its wasm files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // Fixed when STAVE_BUILD_ID is set, so instances built separately from the same sources agree.
  generateBuildId: async () => buildId,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
