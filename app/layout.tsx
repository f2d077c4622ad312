import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { findOrganisation } from "@/server/current-organisation";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stave", template: "%s · Stave" },
  description: "DevOps maturity assessments that chart your weakest area over time.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page reads the database at request time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const organisation = await findOrganisation();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="no-print border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="flex items-center gap-2 text-lg font-bold text-wood-900">
              <StaveMark />
              Stave
            </Link>
            {organisation && (
              <nav aria-label="Main" className="flex items-center gap-4 text-sm">
                <Link href="/teams" className="font-medium text-stone-700 hover:text-wood-700">
                  Teams
                </Link>
                <span className="max-w-[12rem] truncate rounded-full bg-stone-100 px-3 py-1 text-stone-700" data-testid="active-organisation">
                  <span className="sr-only">Organisation: </span>
                  {organisation.name}
                </span>
              </nav>
            )}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
          {children}
        </main>
      </body>
    </html>
  );
}

function StaveMark() {
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <rect x="2" y="6" width="4" height="14" rx="1" fill="#b07a3f" />
      <rect x="7" y="2" width="4" height="18" rx="1" fill="#b07a3f" />
      <rect x="12" y="9" width="4" height="11" rx="1" fill="#c2410c" />
      <rect x="17" y="4" width="4" height="16" rx="1" fill="#b07a3f" />
      <rect x="1" y="13" width="21" height="7" fill="#2b8fc4" opacity="0.55" />
    </svg>
  );
}
