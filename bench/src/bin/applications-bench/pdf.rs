//! A valid one-page PDF of an exact size: an uncompressed RGB image of noise, drawn over the
//! whole A4 page, the way a scanner without compression writes a scan. Noise does not
//! compress, so nothing on the way (there is no compression on the way anyway) makes the
//! file cheaper than its size.

use std::fmt::Write as _;

/// xorshift64*: enough for noise, no dependency.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn fill(&mut self, out: &mut Vec<u8>, n: usize) {
        let target = out.len() + n;
        while out.len() + 8 <= target {
            out.extend_from_slice(&self.next().to_le_bytes());
        }
        let rest = target - out.len();
        let last = self.next().to_le_bytes();
        out.extend_from_slice(last.get(..rest).unwrap_or_default());
    }
}

/// Builds the PDF with `pad` bytes of comment after the header.
fn build(side: usize, pad: usize, seed: u64) -> Vec<u8> {
    let pixels = side * side * 3;
    let mut out: Vec<u8> = Vec::with_capacity(pixels + 2048 + pad);
    let mut offsets = vec![];
    out.extend_from_slice(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    if pad >= 2 {
        out.push(b'%');
        out.extend(std::iter::repeat_n(b'x', pad - 2));
        out.push(b'\n');
    }
    let content = b"q 595 0 0 842 0 0 cm /Im1 Do Q\n";
    let objects: [String; 4] = [
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"
            .into(),
        format!("<< /Length {} >>", content.len()),
    ];
    for (i, dict) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{dict}\n", i + 1).as_bytes());
        if i == 3 {
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(content);
            out.extend_from_slice(b"endstream\n");
        }
        out.extend_from_slice(b"endobj\n");
    }
    offsets.push(out.len());
    out.extend_from_slice(
        format!(
            "5 0 obj\n<< /Type /XObject /Subtype /Image /Width {side} /Height {side} \
             /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length {pixels} >>\nstream\n"
        )
        .as_bytes(),
    );
    Noise(seed | 1).fill(&mut out, pixels);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
    for o in &offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        offsets.len() + 1
    );
    out.extend_from_slice(table.as_bytes());
    out
}

/// A valid PDF of exactly `size` bytes (at least 64 KiB).
pub fn scan(size: usize, seed: u64) -> anyhow::Result<Vec<u8>> {
    anyhow::ensure!(size >= 64 * 1024, "a scan of {size} bytes is too small");
    // The largest square image that leaves room for the rest (well under 2 KiB).
    let side = (((size - 2048) / 3) as f64).sqrt() as usize;
    let bare = build(side, 0, seed).len();
    anyhow::ensure!(bare + 2 <= size, "PDF overhead miscounted");
    let pdf = build(side, size - bare, seed);
    anyhow::ensure!(pdf.len() == size, "PDF is {} bytes, not {size}", pdf.len());
    Ok(pdf)
}
