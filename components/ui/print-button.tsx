"use client";

import { button } from "./styles";

/** Opens the browser's print dialog (save as PDF from there). */
export function PrintButton({ label = "Print or save as PDF" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${button.primary} no-print`}>
      {label}
    </button>
  );
}
