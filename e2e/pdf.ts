import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";

const mm = (n: number) => (n / 25.4) * 96;
/** A4 and the margins app/globals.css gives it (`@page`), in CSS pixels. */
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(14), right: mm(12), bottom: mm(14), left: mm(12) };
/** Pages are rendered at this resolution: enough to see colours and layout, small enough to decode fast. */
const DPI = 50;

export type PrintedPdf = {
  /** Each page as a PNG (at 50 dpi) and as text (poppler's layout). */
  pages: { png: Buffer; text: string }[];
  /** The PNG's pixels per CSS pixel. */
  scale: number;
  margin: { top: number; left: number };
  /** The height of a page's printable area, in CSS pixels. */
  contentHeight: number;
};

/**
 * Prints the page to A4 as a person's "Save as PDF" does (print media, backgrounds on, the page's
 * own margins), keeps the PDF with the test's results, and renders its pages with poppler's
 * `pdftoppm` and `pdftotext`. The viewport takes the paper's printable width first, so what the
 * page lays out on screen is where it lands on paper.
 */
export async function printToPdf(page: Page, testInfo: TestInfo, name: string): Promise<PrintedPdf> {
  await page.setViewportSize({ width: Math.floor(A4.width - MARGIN.left - MARGIN.right), height: 1000 });
  await page.emulateMedia({ media: "print" });
  const file = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({ path: file, format: "A4", printBackground: true });
  const prefix = testInfo.outputPath(name);
  execFileSync("pdftoppm", ["-r", String(DPI), "-png", file, prefix]);
  const number = (f: string) => Number(f.slice(name.length + 1, -".png".length));
  const images = readdirSync(path.dirname(prefix))
    .filter((f) => f.startsWith(`${name}-`) && /-\d+\.png$/.test(f))
    .sort((a, b) => number(a) - number(b));
  const texts = execFileSync("pdftotext", ["-layout", file, "-"]).toString().split("\f");
  return {
    pages: images.map((f, i) => ({ png: readFileSync(path.join(path.dirname(prefix), f)), text: texts[i] ?? "" })),
    scale: DPI / 96,
    margin: { top: MARGIN.top, left: MARGIN.left },
    contentHeight: A4.height - MARGIN.top - MARGIN.bottom,
  };
}
