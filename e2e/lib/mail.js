// Reading the mail the server sent. The SMTP sink (aiosmtpd's Mailbox handler)
// stores every message as one file in `<maildir>/new/`, with the envelope
// recipients added as an X-RcptTo header. mailparser decodes MIME,
// quoted-printable, base64 and encoded-word subjects.
//
//   const mark = mailMark();                      // optional: ignore older mail
//   await page.getByRole('button', { name: 'Register' }).click();
//   const mail = await waitForMail({ to: email, subjectContains: 'Confirm', after: mark });
//   await page.goto(extractLink(mail.text, '/confirm-email'));

import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { readState } from './state.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function defaultMaildir() {
  const dir = process.env.E2E_MAILDIR || readState().maildir;
  if (!dir) throw new Error('no maildir: set E2E_MAILDIR (the server was started outside the harness)');
  return dir;
}

/** Message files currently in the maildir, oldest first: [{file, name, receivedMs}]. */
function listFiles(maildir) {
  const out = [];
  for (const sub of ['new', 'cur']) {
    const dir = path.join(maildir, sub);
    let names;
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        out.push({ file, name, receivedMs: fs.statSync(file).mtimeMs });
      } catch {
        // moved away meanwhile
      }
    }
  }
  return out.sort((a, b) => a.receivedMs - b.receivedMs || a.name.localeCompare(b.name));
}

/**
 * A mark of the mail received so far; pass it as `after` to waitForMail to see
 * only mail that arrives later (e.g. the second confirmation mail).
 */
export function mailMark({ maildir = defaultMaildir() } = {}) {
  return { names: new Set(listFiles(maildir).map((f) => f.name)) };
}

const parsedCache = new Map();

function addressesOf(field) {
  if (!field) return [];
  const list = Array.isArray(field) ? field : [field];
  const out = [];
  const walk = (entries) => {
    for (const a of entries) {
      if (a.address) out.push(a.address.toLowerCase());
      if (a.group) walk(a.group);
    }
  };
  for (const f of list) walk(f.value || []);
  return out;
}

/** Parses one stored message. */
export async function parseMailFile(file) {
  const cached = parsedCache.get(file);
  if (cached) return cached;
  const raw = fs.readFileSync(file);
  const m = await simpleParser(raw);
  const envelope = (m.headers.get('x-rcptto') || '')
    .toString()
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const mail = {
    file,
    subject: m.subject || '',
    text: m.text || '',
    html: typeof m.html === 'string' ? m.html : '',
    from: m.from?.text || '',
    to: [...new Set([...addressesOf(m.to), ...addressesOf(m.cc), ...addressesOf(m.bcc), ...envelope])],
    date: m.date,
    headers: m.headers,
    attachments: m.attachments || [],
    raw: raw.toString('utf8'),
  };
  parsedCache.set(file, mail);
  return mail;
}

function matches(mail, { to, subjectContains }) {
  if (to && !mail.to.includes(to.toLowerCase())) return false;
  if (subjectContains && !mail.subject.includes(subjectContains)) return false;
  return true;
}

/**
 * All messages received so far that match (oldest first).
 * @param {{to?: string, subjectContains?: string, after?: {names: Set<string>}|number|Date, maildir?: string}} [filter]
 */
export async function listMail(filter = {}) {
  const { maildir = defaultMaildir(), after } = filter;
  let files = listFiles(maildir);
  if (after instanceof Date || typeof after === 'number') {
    const t = Number(after);
    files = files.filter((f) => f.receivedMs >= t);
  } else if (after?.names) {
    files = files.filter((f) => !after.names.has(f.name));
  }
  const out = [];
  for (const f of files) {
    const mail = await parseMailFile(f.file);
    if (matches(mail, filter)) out.push(mail);
  }
  return out;
}

/**
 * Waits until a message to `to` (envelope or To/Cc, case-insensitive) whose
 * subject contains `subjectContains` has arrived, and returns the newest such
 * message: {subject, text, html, from, to, date, headers, attachments, raw, file}.
 * `after`: a mailMark() (or a time in ms) to ignore earlier mail.
 */
export async function waitForMail({ to, subjectContains, after, timeoutMs = 15_000, maildir } = {}) {
  const filter = { to, subjectContains, after, maildir: maildir || defaultMaildir() };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await listMail(filter);
    if (found.length) return found[found.length - 1];
    if (Date.now() > deadline) {
      const all = await listMail({ maildir: filter.maildir });
      const seen = all.map((m) => `  - to ${m.to.join(', ')}: ${JSON.stringify(m.subject)}`).join('\n') || '  (none)';
      throw new Error(
        `no mail to ${to ?? 'anyone'} with subject containing ${JSON.stringify(subjectContains ?? '')} ` +
          `within ${timeoutMs} ms. Mail received in this run:\n${seen}`,
      );
    }
    await sleep(200);
  }
}

const decodeEntities = (s) =>
  s.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&#47;/g, '/').replace(/&#61;/g, '=').replace(/&#x3D;/gi, '=');

/** All http(s) URLs in a text or HTML body, in order. */
export function extractLinks(body) {
  const urls = [];
  for (const m of (body || '').matchAll(/https?:\/\/[^\s<>"'`)\]]+/g)) {
    urls.push(decodeEntities(m[0]).replace(/[.,;:!?]+$/, ''));
  }
  return urls;
}

/**
 * The first URL in `body` whose path starts with `pathPrefix`
 * (e.g. '/confirm-email' finds http://127.0.0.1:PORT/confirm-email?token=...).
 * A full URL prefix works too. Throws, listing the URLs found, if none matches.
 */
export function extractLink(body, pathPrefix) {
  const urls = extractLinks(body);
  const hit = urls.find((u) => {
    if (/^https?:\/\//.test(pathPrefix)) return u.startsWith(pathPrefix);
    try {
      return new URL(u).pathname.startsWith(pathPrefix);
    } catch {
      return false;
    }
  });
  if (!hit) {
    throw new Error(`no link with path ${pathPrefix} in the mail; links found: ${urls.join(', ') || '(none)'}`);
  }
  return hit;
}
