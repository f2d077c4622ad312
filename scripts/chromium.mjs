// How Stave's browser tests and bench start Chromium: Debian's, unless CHROMIUM_PATH names another,
// with flags that keep it quiet on a machine without internet.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
