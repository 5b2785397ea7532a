// Reading what the server hands out: a PDF fetched with the page's cookies, its text
// (poppler's pdftotext), and the IPS QR code of a payment slip as the browser draws it (zbar).
//
//   const text = pdfToText(await fetchPdf(page, href));
//   const decoded = await decodeQr(page.locator('img.slip__qr'), tmpDir);

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from './fixtures.js';

/**
 * Text of a PDF (poppler's pdftotext); `layout` keeps the physical layout (-layout), as the
 * application's documents are read; without it, the text in reading order.
 */
export function pdfToText(bytes, { layout = true } = {}) {
  const args = layout ? ['-layout', '-', '-'] : ['-', '-'];
  return execFileSync('pdftotext', args, { input: bytes, timeout: 15_000, stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
}

/** Fetches a same-origin link with the page's cookies; checks it is a PDF; returns the bytes. */
export async function fetchPdf(page, href) {
  const res = await page.request.get(href);
  expect(res.status(), `GET ${href}`).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  const bytes = await res.body();
  expect(bytes.subarray(0, 5).toString('latin1'), `${href} is a PDF`).toBe('%PDF-');
  return bytes;
}

/**
 * Decodes a QR code as the browser draws it: a screenshot of `img` (in `dir`), read by zbar.
 * `-Sbinary` gives the raw bytes, decoded here as UTF-8 (zbar's own charset guess is not needed).
 */
export async function decodeQr(img, dir) {
  const png = path.join(dir, `qr-${Date.now()}.png`);
  await img.screenshot({ path: png });
  return execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', png], { timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString('utf8')
    .trim();
}
