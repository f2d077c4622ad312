import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Benchmarks build into their own folder so they never disturb a running server's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its wasm files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV !== "production") }];
  },
};

export default nextConfig;
