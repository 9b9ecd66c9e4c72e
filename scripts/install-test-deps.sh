#!/usr/bin/env bash
# Installs what the end-to-end tests need from Debian's packages: Chromium (Playwright cannot
# download its own browser on a closed network), a CJK font so Chinese renders in screenshots, and
# nginx for the two-instance test (its service is not started: the test runs its own), and
# poppler's pdftotext, which reads back the printable documents rendered to PDF.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || need+=(fonts-wqy-microhei)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing from Debian: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  # RUNLEVEL=1: a package's service is not started (nginx would take port 80).
  RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
fi
chromium --version >&2
