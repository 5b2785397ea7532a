// Playwright configuration for eForeigner's browser tests.
// Run with: bash scripts/e2e.sh (from the repo root), or here: npx playwright test

import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './lib/chromium.js';

export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.spec.js',
  // One server for the whole run (global-setup.js); tests share it.
  globalSetup: './global-setup.js',
  outputDir: './test-results/artifacts',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS || 1),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: './test-results/results.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    // Set by global setup (workers inherit it); lib/fixtures.js sets it too.
    baseURL: process.env.E2E_BASE_URL,
    locale: 'en-US',
    timezoneId: 'Europe/Belgrade',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
});
