#!/usr/bin/env bash
# The print journeys turn PDFs into images and text with poppler (pdftoppm, pdftotext); install it
# when it is missing (needs root and apt).
set -euo pipefail
if command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "poppler's pdftoppm is missing. Install it (e.g. 'sudo apt-get install poppler-utils', or 'brew install poppler')." >&2
  exit 1
fi
echo "Installing poppler-utils for the print tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
