#!/usr/bin/env bash
# Installs what the browser tests need, only when it is missing:
#   apt: chromium, zbar-tools (zbarimg), poppler-utils (pdftotext)
#   pip: aiosmtpd (the SMTP sink)
#   npm: e2e/node_modules via `npm ci` (from e2e/package-lock.json)
# Used by .ci/run and scripts/e2e.sh. Needs root (or sudo) for apt-get.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && sudo_cmd=(sudo)
fi

# Debian packages, keyed by the binary each provides.
declare -A pkg_for=([chromium]=chromium [zbarimg]=zbar-tools [pdftotext]=poppler-utils)
missing=()
for bin in chromium zbarimg pdftotext; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("${pkg_for[$bin]}")
done
if ((${#missing[@]})); then
  echo "apt-get install ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
else
  echo "apt packages present: chromium zbar-tools poppler-utils"
fi

if python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "python aiosmtpd present"
else
  echo "pip install aiosmtpd"
  python3 -m pip install --quiet --disable-pip-version-check aiosmtpd
fi

# npm ci when node_modules is missing or older than the lock file.
cd "$root/e2e"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "npm ci (e2e/)"
  npm ci --no-audit --no-fund
else
  echo "e2e/node_modules up to date"
fi
