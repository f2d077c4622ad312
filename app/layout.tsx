import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { getViewer } from "@/server/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stave", template: "%s · Stave" },
  description: "DevOps maturity assessments that chart your weakest area over time.",
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page reads the database at request time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <SiteHeader viewer={viewer} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
