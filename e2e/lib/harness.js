// Process management for the browser tests: a free port, the SMTP sink, the
// eForeigner server, and waiting for them to come up. Used by global-setup.js;
// usable on its own (see selftest/).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the e2e/ directory. */
export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Absolute path of the repository root. */
export const repoRoot = path.resolve(e2eDir, '..');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The debug server binary that `cargo build -p eforeigner` produces (E2E_SERVER_BIN overrides). */
export function serverBinary() {
  if (process.env.E2E_SERVER_BIN) return path.resolve(process.env.E2E_SERVER_BIN);
  const targetDir = process.env.CARGO_TARGET_DIR
    ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR)
    : path.join(repoRoot, 'target');
  return path.join(targetDir, 'debug', 'eforeigner');
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** Last `lines` lines of a log file (for error messages). */
export function tailFile(file, lines = 60) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Children still running when node exits (crash, Ctrl-C) get killed here.
const liveChildren = new Set();
process.on('exit', () => {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

function spawnLogged(command, args, { logFile, env, cwd }) {
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  liveChildren.add(child);
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      liveChildren.delete(child);
      resolve({ code, signal });
    });
  });
  child.once('error', (err) => {
    child.spawnError = err;
    liveChildren.delete(child);
    fs.appendFileSync(logFile, `\n[harness] failed to start ${command}: ${err.message}\n`);
  });
  return child;
}

/** Stops a child started here: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child, graceMs = 10_000) {
  if (!child || exitedEarly(child)) return;
  child.kill('SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout');
  if ((await Promise.race([child.exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await child.exited;
  }
}

function exitedEarly(child) {
  return Boolean(child.spawnError) || child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts the SMTP sink: aiosmtpd's stock Mailbox handler, which stores every
 * message it receives in a Maildir (`<maildir>/new/<unique name>`), adding the
 * envelope as X-MailFrom / X-RcptTo headers.
 */
export async function startSmtpSink({ maildir, logFile, port, timeoutMs = 15_000 }) {
  port ??= await freePort();
  const python = process.env.E2E_PYTHON || 'python3';
  const args = ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir];
  const child = spawnLogged(python, args, { logFile, env: process.env, cwd: e2eDir });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitedEarly(child)) {
      throw new Error(`SMTP sink exited during startup (is aiosmtpd installed? pip install aiosmtpd)\n${tailFile(logFile)}`);
    }
    if (await canConnect(port)) break;
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`SMTP sink did not listen on 127.0.0.1:${port} within ${timeoutMs} ms\n${tailFile(logFile)}`);
    }
    await sleep(100);
  }
  return { child, port, maildir, url: `smtp://127.0.0.1:${port}` };
}

/** Polls `url` until it answers 200; fails early if `child` exits. */
export async function waitForHttpOk(url, { child, logFile, timeoutMs = 60_000, what = 'server' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    if (child && exitedEarly(child)) {
      throw new Error(
        `${what} exited during startup (code ${child.exitCode}, signal ${child.signalCode})\n${tailFile(logFile)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: ${url} did not answer 200 within ${timeoutMs} ms (last: ${last})\n${tailFile(logFile)}`);
    }
    await sleep(250);
  }
}

/**
 * Starts `eforeigner serve --demo` on a free port with its own data dir and the
 * given SMTP URL, and waits for GET /healthz to answer 200.
 *
 * EFOREIGNER_* variables of the calling environment are not passed on (so a
 * developer's own settings cannot leak into the tests); E2E_DATABASE_URL, if
 * set, becomes EFOREIGNER_DATABASE_URL. 127.0.0.1 is a trusted proxy
 * (EFOREIGNER_TRUSTED_PROXIES), so tests may send X-Forwarded-For. Extra
 * variables: `extraEnv`.
 */
export async function startServer({ dataDir, smtpUrl, logFile, port, extraEnv = {}, timeoutMs = 60_000 }) {
  const bin = serverBinary();
  if (!fs.existsSync(bin)) {
    throw new Error(`server binary not found: ${bin}\nBuild it first: cargo build -p eforeigner (or set E2E_SERVER_BIN)`);
  }
  port ??= await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('EFOREIGNER_')));
  Object.assign(env, {
    RUST_BACKTRACE: process.env.RUST_BACKTRACE || '1',
    EFOREIGNER_BIND: `127.0.0.1:${port}`,
    EFOREIGNER_DATA_DIR: dataDir,
    EFOREIGNER_SMTP_URL: smtpUrl,
    EFOREIGNER_PUBLIC_URL: baseURL,
    // The browser connects from 127.0.0.1: its X-Forwarded-For is believed, so that a test
    // can be a client address of its own (lib/journey.js) and not share the per-address
    // throttles (e.g. 20 registrations an hour) with every other test of the run.
    EFOREIGNER_TRUSTED_PROXIES: '127.0.0.1',
  });
  if (process.env.E2E_DATABASE_URL) env.EFOREIGNER_DATABASE_URL = process.env.E2E_DATABASE_URL;
  Object.assign(env, extraEnv);

  const args = ['serve', '--demo'];
  fs.appendFileSync(logFile, `[harness] ${bin} ${args.join(' ')}  (EFOREIGNER_BIND=${env.EFOREIGNER_BIND})\n`);
  const child = spawnLogged(bin, args, { logFile, env, cwd: repoRoot });
  try {
    await waitForHttpOk(`${baseURL}/healthz`, { child, logFile, timeoutMs, what: 'eforeigner server' });
  } catch (err) {
    await stopProcess(child);
    throw err;
  }
  return { child, port, baseURL };
}
