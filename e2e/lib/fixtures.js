// Test fixtures: import { test, expect } from here instead of '@playwright/test'.
//
//   test('...', async ({ page, server }) => {
//     await page.goto('/login');            // relative to the server's base URL
//     server.baseURL, server.maildir, server.serverOutput()
//   });

import { test as base, expect } from '@playwright/test';
import { readState, serverOutput } from './state.js';

export const test = base.extend({
  // Relative page.goto() / request URLs resolve against the server global setup started.
  baseURL: async ({}, use) => {
    await use(readState().baseURL);
  },
  // {baseURL, maildir, dataDir, serverLog, serverOutput()}
  server: async ({}, use) => {
    await use({ ...readState(), serverOutput });
  },
});

export { expect };
export { waitForMail, listMail, mailMark, extractLink, extractLinks } from './mail.js';
export { expectNoA11yViolations, expectNoA11yViolationsInCopy, runAxe } from './axe.js';
