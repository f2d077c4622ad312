// Shared class names, so every button and field looks and behaves alike.
export const button = {
  primary:
    "inline-flex items-center justify-center gap-2 rounded-md bg-wood-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-wood-900 disabled:cursor-not-allowed disabled:opacity-50",
  secondary:
    "inline-flex items-center justify-center gap-2 rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-sm hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50",
  quiet:
    "inline-flex items-center gap-1 rounded px-2 py-1 text-sm font-medium text-wood-700 underline-offset-2 hover:underline disabled:cursor-not-allowed disabled:text-stone-500 disabled:no-underline",
};

export const field = {
  label: "block text-sm font-medium text-stone-800",
  input:
    "mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-500 focus:border-water-500",
  error: "mt-1 text-sm font-medium text-red-700",
  hint: "mt-1 text-sm text-stone-600",
};

/** On paper a card keeps its border but not its shadow, and takes less room. */
export const card = "rounded-lg border border-stone-200 bg-white p-5 shadow-sm print:p-3 print:shadow-none";
