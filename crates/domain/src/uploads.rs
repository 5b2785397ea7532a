//! Rules for uploaded files (seed 002: PDF or image, at most 5 MB each, unique file names;
//! the registration upload takes at most 2 files). The type is decided by the content's
//! magic bytes, never by the name; images are also checked for their pixel size.

use crate::ports::files::Files;
use crate::{OwnerKey, Upload};

/// Largest accepted file, in bytes (5 MB; seed 002).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most files of the identity document at registration (both pages of an ID card).
pub const MAX_REGISTRATION_FILES: usize = 2;
/// Most files one form may send: what a file input of the portal takes at once. The
/// services' own limits (two files of an identity document, 40 per application) are
/// checked by them; this one bounds the work of one request.
pub const MAX_FILES_PER_FORM: usize = 10;
/// Largest accepted image, in pixels (guards against decompression bombs).
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;
/// Longest kept file name, in characters.
pub const MAX_FILE_NAME_CHARS: usize = 120;

/// An accepted file type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `application/pdf`.
    Pdf,
    /// `image/jpeg`.
    Jpeg,
    /// `image/png`.
    Png,
}

impl FileKind {
    /// The MIME type served back.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }
}

/// Why a file was refused; each is a stable error code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Empty file.
    Empty,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not a PDF, JPEG or PNG by content.
    WrongType,
    /// An image with too many pixels, or one whose size cannot be read.
    BadImage,
    /// Same name as another file of the set.
    DuplicateName,
    /// More files than allowed.
    TooMany,
}

impl FileProblem {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            FileProblem::Empty => "file_empty",
            FileProblem::TooLarge => "file_too_large",
            FileProblem::WrongType => "file_wrong_type",
            FileProblem::BadImage => "file_bad_image",
            FileProblem::DuplicateName => "file_duplicate_name",
            FileProblem::TooMany => "file_too_many",
        }
    }
}

/// A file sent with a form, as the form reader left it: written to the file store under a
/// server-made key while it arrived, and checked on the way ([`check_head`]), or refused.
/// A received file belongs to nobody until a service records it; the service that gets it
/// records it or deletes it.
#[derive(Clone, Debug)]
pub struct IncomingFile {
    /// The name the browser sent, cleaned for display ([`display_name`]).
    pub file_name: String,
    /// The stored file, or why it was not kept.
    pub received: Result<Received, FileProblem>,
}

/// A file received and stored (not yet recorded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    /// Where its bytes are.
    pub storage_key: String,
    /// Its size in bytes (at most [`MAX_FILE_BYTES`]).
    pub size: i64,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// Its type, by content.
    pub kind: FileKind,
}

impl Received {
    /// The record of this file as `owner`'s upload for `purpose`, under the name the user
    /// gave it, made at `now` (with a new id that sorts by creation).
    pub fn into_upload(
        self,
        owner: OwnerKey,
        purpose: &str,
        file_name: String,
        now: jiff::Timestamp,
    ) -> Upload {
        Upload {
            id: crate::clock::new_ordered_id(),
            owner_key: owner,
            purpose: purpose.into(),
            file_name,
            content_type: self.kind.mime().into(),
            size_bytes: self.size,
            sha256: self.sha256,
            storage_key: self.storage_key,
            superseded_at: None,
            created_at: now,
        }
    }
}

/// Decides a file's type from its content and checks size and pixel limits.
pub fn check_file(bytes: &[u8]) -> Result<FileKind, FileProblem> {
    check_head(bytes, bytes.len() as u64)
}

/// [`check_file`] for a file of `size` bytes of which `head` holds the first (256 KiB are
/// enough: the type is in the first bytes, and an image's size in its header, before any
/// pixel data).
pub fn check_head(head: &[u8], size: u64) -> Result<FileKind, FileProblem> {
    if size == 0 {
        return Err(FileProblem::Empty);
    }
    if size > MAX_FILE_BYTES as u64 {
        return Err(FileProblem::TooLarge);
    }
    let kind = match infer::get(head).map(|t| t.mime_type()) {
        Some("application/pdf") => FileKind::Pdf,
        Some("image/jpeg") => FileKind::Jpeg,
        Some("image/png") => FileKind::Png,
        _ => return Err(FileProblem::WrongType),
    };
    if kind != FileKind::Pdf {
        let size = imagesize::blob_size(head).map_err(|_| FileProblem::BadImage)?;
        let pixels = (size.width as u64).saturating_mul(size.height as u64);
        if pixels == 0 || pixels > MAX_IMAGE_PIXELS {
            return Err(FileProblem::BadImage);
        }
    }
    Ok(kind)
}

/// The name shown for a file: the last path component of what the browser sent, without
/// control characters, at most [`MAX_FILE_NAME_CHARS`] characters. Never used as a path.
pub fn display_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    // Invisible direction overrides would show `cod\u{202E}fdp.exe` as `codexe.pdf`.
    let cleaned = eforeigner_rules::text::visible(last);
    let trimmed = cleaned.trim();
    let name = if trimmed.is_empty() {
        "document"
    } else {
        trimmed
    };
    name.chars().take(MAX_FILE_NAME_CHARS).collect()
}

/// Whether `name` clashes (case-insensitively) with one of `existing`.
pub fn is_duplicate_name<'a>(name: &str, existing: impl IntoIterator<Item = &'a str>) -> bool {
    let lower = name.to_lowercase();
    existing.into_iter().any(|e| e.to_lowercase() == lower)
}

/// How many files, and how many bytes in all, one set of uploads may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    /// Most files.
    pub files: usize,
    /// Most bytes in all.
    pub bytes: i64,
}

/// Why a file may not join a set of uploads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The set has a file of the same name (case-insensitively).
    DuplicateName,
    /// The set would hold more files or bytes than its [`Quota`].
    Full,
}

/// Whether a file named `name` of `size` bytes may join `existing` (the set's current
/// uploads). Checked twice: before the file is written, for a quick answer, and again in
/// the transaction that records it, against the set as it is then — so that of two uploads
/// racing for one name or the last place (two tabs), the second is refused.
pub fn admit(name: &str, size: i64, existing: &[Upload], quota: Quota) -> Result<(), Refusal> {
    admit_to_item(name, size, existing, existing, quota)
}

/// Whether a file may join a checklist item of an application: its name must be new among
/// the item's files (`item`), and the application's files (`all`) must stay within `quota`.
pub fn admit_to_item(
    name: &str,
    size: i64,
    item: &[Upload],
    all: &[Upload],
    quota: Quota,
) -> Result<(), Refusal> {
    if is_duplicate_name(name, item.iter().map(|u| u.file_name.as_str())) {
        return Err(Refusal::DuplicateName);
    }
    let total: i64 = all.iter().map(|u| u.size_bytes).sum();
    if all.len() >= quota.files || total.saturating_add(size) > quota.bytes {
        return Err(Refusal::Full);
    }
    Ok(())
}

/// Deletes the bytes of a file no record names (a refused upload). A failure is logged:
/// the sweep of unreferenced files removes it later.
pub async fn discard_key(store: &dyn Files, storage_key: &str) {
    if let Err(e) = store.delete(storage_key).await {
        tracing::warn!(error = %e, "a refused file was left behind");
    }
}

/// Deletes the bytes of files received but not taken (a form refused as a whole, the files
/// after one that filled the quota).
pub async fn discard(store: &dyn Files, files: impl IntoIterator<Item = IncomingFile>) {
    for file in files {
        if let Ok(r) = file.received {
            discard_key(store, &r.storage_key).await;
        }
    }
}

/// Adds the field error for a file refused while it arrived (`problem`), with what every
/// message may name: the file, the most files (`max_files`) and the size limit.
pub fn report(
    errors: &mut crate::FieldErrors,
    field: &str,
    problem: FileProblem,
    name: String,
    max_files: usize,
) {
    errors.add_with(
        field,
        problem.code(),
        &[
            ("name", name),
            ("max", max_files.to_string()),
            ("mb", (MAX_FILE_BYTES / 1024 / 1024).to_string()),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(name: &str, size: i64) -> Upload {
        Upload {
            id: name.into(),
            owner_key: crate::OwnerKey::Application(crate::ApplicationId::new("a")),
            purpose: "passport_scan".into(),
            file_name: name.into(),
            content_type: "application/pdf".into(),
            size_bytes: size,
            sha256: String::new(),
            storage_key: name.into(),
            superseded_at: None,
            created_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn admits_by_name_count_and_bytes() {
        let quota = Quota {
            files: 2,
            bytes: 100,
        };
        let one = [stored("Pasoš.pdf", 60)];
        assert_eq!(admit("photo.png", 40, &one, quota), Ok(()));
        assert_eq!(
            admit("PASOŠ.PDF", 1, &one, quota),
            Err(Refusal::DuplicateName)
        );
        assert_eq!(admit("photo.png", 41, &one, quota), Err(Refusal::Full));
        let two = [stored("a.pdf", 1), stored("b.pdf", 1)];
        assert_eq!(admit("c.pdf", 1, &two, quota), Err(Refusal::Full));
        assert_eq!(admit("c.pdf", 1, &[], quota), Ok(()));
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut v = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
        v.extend_from_slice(b"IHDR");
        v.extend_from_slice(&width.to_be_bytes());
        v.extend_from_slice(&height.to_be_bytes());
        v.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        v
    }

    #[test]
    fn accepts_pdf_png_by_content() {
        assert_eq!(
            check_file(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj"),
            Ok(FileKind::Pdf)
        );
        assert_eq!(check_file(&png(800, 600)), Ok(FileKind::Png));
    }

    #[test]
    fn refuses_executable_named_pdf_and_oversized_and_empty() {
        assert_eq!(
            check_file(b"MZ\x90\x00\x03\x00\x00\x00"),
            Err(FileProblem::WrongType)
        );
        assert_eq!(
            check_file(b"#!/bin/sh\necho hi"),
            Err(FileProblem::WrongType)
        );
        assert_eq!(check_file(&[]), Err(FileProblem::Empty));
        let mut big = b"%PDF-1.4\n".to_vec();
        big.resize(MAX_FILE_BYTES + 1, b' ');
        assert_eq!(check_file(&big), Err(FileProblem::TooLarge));
        big.truncate(MAX_FILE_BYTES);
        assert_eq!(check_file(&big), Ok(FileKind::Pdf));
    }

    #[test]
    fn refuses_pixel_bombs() {
        assert_eq!(
            check_file(&png(100_000, 100_000)),
            Err(FileProblem::BadImage)
        );
        assert_eq!(check_file(&png(0, 10)), Err(FileProblem::BadImage));
    }

    #[test]
    fn names_are_cleaned_and_compared_case_insensitively() {
        assert_eq!(
            display_name("C:\\Users\\me\\pass port.pdf"),
            "pass port.pdf"
        );
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("a\u{0}b.png"), "ab.png");
        assert_eq!(display_name("cod\u{202E}fdp.exe"), "codfdp.exe");
        assert_eq!(display_name(""), "document");
        assert!(is_duplicate_name("Page.PDF", ["page.pdf"]));
        assert!(!is_duplicate_name("page2.pdf", ["page.pdf"]));
    }
}
