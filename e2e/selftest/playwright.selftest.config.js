// Harness self-test: same settings, but the fake server and the selftest specs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import base from '../playwright.config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.E2E_SERVER_BIN ||= path.join(here, 'fake_server.py');

export default {
  ...base,
  testDir: '.',
  testMatch: '*.spec.js',
  globalSetup: '../global-setup.js',
  outputDir: '../test-results/selftest-artifacts',
  reporter: [['list']],
};
