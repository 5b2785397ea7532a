// Launch settings for Debian's chromium (Playwright's own browser downloads are
// not reachable here, so Playwright drives the system browser instead).
//
// Override the binary with E2E_CHROMIUM=/path/to/chrome.

export const chromiumExecutable = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Options for `chromium.launch()` (playwright-core) or `use.launchOptions` (@playwright/test). */
export const chromiumLaunchOptions = {
  executablePath: chromiumExecutable,
  args: chromiumArgs,
  headless: true,
};
