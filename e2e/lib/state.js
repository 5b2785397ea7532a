// What global setup started, for the tests: base URL, maildir, data dir, logs.
//
// Global setup exports these environment variables (Playwright's workers
// inherit them) and writes the same data to the JSON file E2E_STATE_FILE:
//   E2E_BASE_URL    e.g. http://127.0.0.1:41234   (the server's EFOREIGNER_PUBLIC_URL)
//   E2E_MAILDIR     Maildir that the SMTP sink writes every message to
//   E2E_DATA_DIR    the server's EFOREIGNER_DATA_DIR
//   E2E_SERVER_LOG  the server's stdout+stderr (demo credentials are printed there)
//   E2E_STATE_FILE  path of the JSON file
//
// To test a server you started yourself, set E2E_BASE_URL (and E2E_MAILDIR if
// the tests read mail) before running: global setup then starts nothing.

import fs from 'node:fs';

let cached;

/** @returns {{baseURL: string, maildir?: string, dataDir?: string, serverLog?: string, smtpUrl?: string, runDir?: string, external: boolean}} */
export function readState() {
  if (cached) return cached;
  const file = process.env.E2E_STATE_FILE;
  if (file && fs.existsSync(file)) {
    cached = JSON.parse(fs.readFileSync(file, 'utf8'));
  } else if (process.env.E2E_BASE_URL) {
    cached = {
      baseURL: process.env.E2E_BASE_URL,
      maildir: process.env.E2E_MAILDIR,
      dataDir: process.env.E2E_DATA_DIR,
      serverLog: process.env.E2E_SERVER_LOG,
      external: true,
    };
  } else {
    throw new Error('E2E state not found: run the tests through Playwright (npx playwright test), whose global setup starts the server');
  }
  return cached;
}

/** Everything the server printed so far (stdout and stderr), e.g. the demo credentials of `serve --demo`. */
export function serverOutput() {
  const { serverLog } = readState();
  if (!serverLog) throw new Error('no server log: the server was started outside the harness');
  return fs.readFileSync(serverLog, 'utf8');
}
