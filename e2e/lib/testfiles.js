// Small, valid upload files for tests: a real PNG (decodable, with correct CRCs) and a
// minimal well-formed PDF, written to a fresh temp dir.
//
//   const dir = makeTempDir();
//   const png = writePng(path.join(dir, 'passport.png'));       // -> { path, name, bytes }
//   await page.setInputFiles('#documents', png.path);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** A new temp directory (removed by the OS temp cleanup; tests may delete it themselves). */
export function makeTempDir(prefix = 'eforeigner-upload-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A temp directory for one spec file: made before its first test, removed after its last.
 * Returns `tmp(...parts)`, a path inside it (`tmp()` is the directory itself).
 *
 *   const tmp = useTempDir(test, 'eforeigner-application-');
 *   const png = writePng(tmp('passport.png'));
 */
export function useTempDir(test, prefix) {
  let dir;
  test.beforeAll(() => {
    dir = makeTempDir(prefix);
  });
  test.afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (...parts) => path.join(dir, ...parts);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Bytes of a valid RGB PNG of `width` x `height` (a simple gradient). */
export function pngBytes(width = 64, height = 40) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      raw[i] = (x * 4) & 0xff;
      raw[i + 1] = (y * 6) & 0xff;
      raw[i + 2] = 160;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Bytes of a minimal well-formed one-page PDF showing `text`, with a correct xref table. */
export function pdfBytes(text = 'Passport') {
  const safe = text.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 40 100 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function write(file, bytes) {
  fs.writeFileSync(file, bytes);
  return { path: file, name: path.basename(file), bytes };
}

/** Writes a valid PNG to `file`; returns { path, name, bytes }. */
export function writePng(file, width, height) {
  return write(file, pngBytes(width, height));
}

/** Writes a valid PDF to `file`; returns { path, name, bytes }. */
export function writePdf(file, text) {
  return write(file, pdfBytes(text));
}
