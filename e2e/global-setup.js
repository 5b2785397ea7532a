// Playwright global setup: starts the SMTP sink and `eforeigner serve --demo`
// in a fresh temp dir, waits for GET /healthz, and returns the teardown.
// See lib/state.js for how tests find the base URL and the maildir.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eDir, startServer, startSmtpSink, stopProcess } from './lib/harness.js';

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL && !process.env.E2E_STATE_FILE) {
    console.log(`[e2e] using the server already running at ${process.env.E2E_BASE_URL}`);
    return undefined;
  }

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eforeigner-e2e-'));
  const dataDir = path.join(runDir, 'data');
  const maildir = path.join(runDir, 'maildir');
  const serverLog = path.join(runDir, 'server.log');
  const smtpLog = path.join(runDir, 'smtp.log');
  fs.mkdirSync(dataDir);
  for (const sub of ['new', 'cur', 'tmp']) fs.mkdirSync(path.join(maildir, sub), { recursive: true });

  let smtp;
  let server;
  const teardown = async () => {
    await stopProcess(server?.child);
    await stopProcess(smtp?.child);
    // Keep the logs next to Playwright's other results.
    const out = path.join(e2eDir, 'test-results');
    fs.mkdirSync(out, { recursive: true });
    for (const f of [serverLog, smtpLog]) {
      if (fs.existsSync(f)) fs.copyFileSync(f, path.join(out, path.basename(f)));
    }
    if (process.env.E2E_KEEP_TMP) {
      console.log(`[e2e] kept ${runDir}`);
    } else {
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  };

  try {
    smtp = await startSmtpSink({ maildir, logFile: smtpLog });
    server = await startServer({
      dataDir,
      smtpUrl: smtp.url,
      logFile: serverLog,
      timeoutMs: Number(process.env.E2E_STARTUP_TIMEOUT_MS || 60_000),
    });
  } catch (err) {
    await teardown();
    throw err;
  }

  const state = {
    baseURL: server.baseURL,
    maildir,
    dataDir,
    serverLog,
    smtpUrl: smtp.url,
    runDir,
    external: false,
  };
  const stateFile = path.join(runDir, 'state.json');
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
  Object.assign(process.env, {
    E2E_STATE_FILE: stateFile,
    E2E_BASE_URL: state.baseURL,
    E2E_MAILDIR: maildir,
    E2E_DATA_DIR: dataDir,
    E2E_SERVER_LOG: serverLog,
  });
  console.log(`[e2e] server ${state.baseURL} (pid ${server.child.pid}), SMTP sink ${smtp.url}, run dir ${runDir}`);
  return teardown;
}
