//! Reading submitted forms: URL-encoded fields, and multipart bodies whose files are read
//! chunk by chunk with the size limit enforced while streaming. Also [`FormView`], which a
//! template uses to show values, inline errors and the error summary.

use std::collections::HashMap;

use axum::extract::Multipart;

use crate::error::{PageError, field_error_message};
use crate::i18n::Tr;
use eforeigner_domain::FieldErrors;
use eforeigner_domain::clock::new_ordered_id;
use eforeigner_domain::ports::files::Files;
use eforeigner_domain::uploads::{
    self, FileProblem, IncomingFile, MAX_FILE_BYTES, MAX_FILES_PER_FORM, Received,
};

/// Most parts (fields and files) a form may have: the longest form has about 40 fields. A
/// body of thousands of tiny parts is refused as soon as it passes this, with nothing kept.
pub const MAX_PARTS: usize = 100;
/// Longest text field, in bytes (the longest free-text answer is far shorter).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// Most file names of refused extra files remembered for the message.
const MAX_REPORTED_EXTRA: usize = 5;
/// How much of a file's start is kept for the type and image-size check.
const HEAD_BYTES: usize = 256 * 1024;

/// A multipart form: text fields and the files that came with it.
///
/// Files are written to the file store while they arrive, block by block
/// (the file port's [`FileWrite`](eforeigner_domain::ports::files::FileWrite)): memory holds
/// a block per file, never the file.
/// Whatever does not pass the checks made while streaming (empty, over 5 MB, not a PDF,
/// JPEG or PNG by content, an image too large in pixels, more files than the form takes) is
/// not kept, and is listed with its problem. The files received belong to nobody yet:
/// the handler hands them to a service, which records or deletes each, or calls
/// [`MultipartForm::discard`].
#[derive(Debug, Default)]
pub struct MultipartForm {
    /// Text fields (last value wins).
    pub fields: HashMap<String, String>,
    /// The files with the name of the field each came in, in the order they came:
    /// received, or refused while streaming.
    files: Vec<(String, IncomingFile)>,
    /// Whether the form's CSRF token was right (read by [`MultipartForm::read_page`]; the
    /// API's forms carry none and are checked by content type and origin instead).
    pub fresh: bool,
}

impl MultipartForm {
    /// A text field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    /// Takes every file, whatever its field.
    pub fn take_files(&mut self) -> Vec<IncomingFile> {
        self.files.drain(..).map(|(_, f)| f).collect()
    }

    /// Takes the files grouped by their field, fields in the order they first came.
    pub fn take_files_by_field(&mut self) -> Vec<(String, Vec<IncomingFile>)> {
        let mut groups: Vec<(String, Vec<IncomingFile>)> = vec![];
        for (field, file) in self.files.drain(..) {
            match groups.iter_mut().find(|(f, _)| *f == field) {
                Some((_, files)) => files.push(file),
                None => groups.push((field, vec![file])),
            }
        }
        groups
    }

    /// Reads the whole body; file parts named `file_field` or `<file_field>_<anything>` (one
    /// field per checklist item) are received into `store` (each
    /// under the key `key_for` makes of a new id), at most [`MAX_FILES_PER_FORM`] of them
    /// (the rest are refused with [`FileProblem::TooMany`]); empty
    /// file inputs, sent by browsers when nothing was chosen, are skipped. More than
    /// [`MAX_PARTS`] parts, or a text field over [`MAX_FIELD_BYTES`], stop the reading with
    /// [`PageError::TooLarge`] and nothing kept.
    pub async fn read(
        mut multipart: Multipart,
        file_field: &str,
        store: &dyn Files,
        key_for: &(dyn Fn(&str) -> String + Send + Sync),
    ) -> Result<Self, PageError> {
        let mut form = MultipartForm::default();
        let read = form
            .read_parts(&mut multipart, file_field, store, key_for)
            .await;
        if let Err(e) = read {
            form.discard(store).await;
            return Err(e);
        }
        Ok(form)
    }

    async fn read_parts(
        &mut self,
        multipart: &mut Multipart,
        file_field: &str,
        store: &dyn Files,
        key_for: &(dyn Fn(&str) -> String + Send + Sync),
    ) -> Result<(), PageError> {
        let mut parts = 0;
        let mut extra = 0;
        while let Some(mut field) = multipart
            .next_field()
            .await
            .map_err(|_| PageError::BadRequest)?
        {
            parts += 1;
            if parts > MAX_PARTS {
                return Err(PageError::TooLarge);
            }
            let name = field.name().unwrap_or("").to_string();
            let is_file = name == file_field
                || name
                    .strip_prefix(file_field)
                    .is_some_and(|rest| rest.starts_with('_'));
            if !is_file {
                let mut text = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| PageError::BadRequest)? {
                    if text.len() + chunk.len() > MAX_FIELD_BYTES {
                        return Err(PageError::TooLarge);
                    }
                    text.extend_from_slice(&chunk);
                }
                let text = String::from_utf8(text).map_err(|_| PageError::BadRequest)?;
                self.fields.insert(name, text);
                continue;
            }
            let raw_name = field.file_name().unwrap_or("").to_string();
            let file_name = uploads::display_name(&raw_name);
            let received = self
                .files
                .iter()
                .filter(|(_, f)| f.received.is_ok())
                .count();
            if received >= MAX_FILES_PER_FORM {
                // Read past without keeping a byte; only a few names are remembered.
                while field
                    .chunk()
                    .await
                    .map_err(|_| PageError::BadRequest)?
                    .is_some()
                {}
                extra += 1;
                if extra <= MAX_REPORTED_EXTRA {
                    self.files.push((
                        name,
                        IncomingFile {
                            file_name,
                            received: Err(FileProblem::TooMany),
                        },
                    ));
                }
                continue;
            }
            let key = key_for(&new_ordered_id());
            let mut writer = store.writer(&key).await.map_err(internal)?;
            let mut head: Vec<u8> = Vec::new();
            let mut size: u64 = 0;
            let mut too_large = false;
            let streamed: Result<(), PageError> = async {
                while let Some(chunk) = field.chunk().await.map_err(|_| PageError::BadRequest)? {
                    size += chunk.len() as u64;
                    if too_large {
                        continue;
                    }
                    if size > MAX_FILE_BYTES as u64 {
                        // Stop keeping bytes at once; read past the rest of this part.
                        too_large = true;
                        continue;
                    }
                    if head.len() < HEAD_BYTES {
                        let take = (HEAD_BYTES - head.len()).min(chunk.len());
                        head.extend_from_slice(&chunk[..take]);
                    }
                    writer.write(&chunk).await.map_err(internal)?;
                }
                Ok(())
            }
            .await;
            if let Err(e) = streamed {
                writer.abort().await;
                return Err(e);
            }
            if size == 0 && raw_name.is_empty() {
                // A file input left empty.
                writer.abort().await;
                continue;
            }
            let checked = if too_large {
                Err(FileProblem::TooLarge)
            } else {
                uploads::check_head(&head, size)
            };
            let received = match checked {
                Ok(kind) => {
                    let (size, sha256) = writer.finish().await.map_err(internal)?;
                    Ok(Received {
                        storage_key: key,
                        size: i64::try_from(size).unwrap_or(i64::MAX),
                        sha256,
                        kind,
                    })
                }
                Err(problem) => {
                    writer.abort().await;
                    Err(problem)
                }
            };
            self.files.push((
                name,
                IncomingFile {
                    file_name,
                    received,
                },
            ));
        }
        Ok(())
    }

    /// [`MultipartForm::read`] for a page's form, and checks its CSRF token: see
    /// [`MultipartForm::fresh`] and [`MultipartForm::refuse_if_stale`].
    pub async fn read_page(
        multipart: Multipart,
        ctx: &crate::context::Ctx,
        file_field: &str,
        store: &dyn Files,
        key_for: &(dyn Fn(&str) -> String + Send + Sync),
    ) -> Result<Self, PageError> {
        let mut form = Self::read(multipart, file_field, store, key_for).await?;
        form.fresh = ctx.csrf_ok(form.get("csrf_token"));
        Ok(form)
    }

    /// A form with a stale token is refused as a whole: its files are deleted and the
    /// answer is the "form expired" page.
    pub async fn refuse_if_stale(&mut self, store: &dyn Files) -> Result<(), PageError> {
        if self.fresh {
            Ok(())
        } else {
            self.discard(store).await;
            Err(PageError::Csrf)
        }
    }

    /// Deletes the files received (a form refused before any service took them: a stale
    /// form token, a draft that can no longer take files).
    pub async fn discard(&mut self, store: &dyn Files) {
        uploads::discard(store, self.files.drain(..).map(|(_, f)| f)).await;
    }
}

/// Where a file of a registration form is received: `uploads/<last two characters of
/// the id>/<id>` (a hundred folders rather than one with every file).
pub fn registration_file_key(id: &str) -> String {
    format!("uploads/{}/{id}", &id[id.len().saturating_sub(2)..])
}

fn internal(e: anyhow::Error) -> PageError {
    tracing::error!(error = %e, "receiving an upload failed");
    PageError::Internal
}

/// What a template needs to show a form again: the values typed, and the messages.
#[derive(Clone, Debug)]
pub struct FormView {
    tr: Tr,
    values: HashMap<String, String>,
    errors: Vec<(String, String)>,
}

impl FormView {
    /// An empty form.
    pub fn empty(tr: &Tr) -> Self {
        Self {
            tr: tr.clone(),
            values: HashMap::new(),
            errors: vec![],
        }
    }

    /// A form showing `values` and the translated `errors`.
    pub fn with(tr: &Tr, values: HashMap<String, String>, errors: &FieldErrors) -> Self {
        let errors = errors
            .0
            .iter()
            .map(|e| {
                (
                    e.field.clone(),
                    field_error_message(tr, &e.field, &e.code, &e.args),
                )
            })
            .collect();
        Self {
            tr: tr.clone(),
            values,
            errors,
        }
    }

    /// The problems in the order of the form's fields (`fields`, top to bottom), so the error
    /// summary reads as the form does; a problem of the whole form (`form`) comes first, and
    /// one of a field not listed keeps its place after those that are.
    pub fn ordered<'a>(mut self, fields: impl IntoIterator<Item = &'a str>) -> Self {
        let order: Vec<&str> = std::iter::once("form").chain(fields).collect();
        let rank = |field: &str| {
            order
                .iter()
                .position(|f| *f == field)
                .unwrap_or(order.len())
        };
        self.errors.sort_by_key(|(field, _)| rank(field));
        self
    }

    /// Sets a value (e.g. prefilled from the account).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.into(), value.into());
    }

    /// The value of a field, or "".
    pub fn v(&self, name: &str) -> &str {
        self.values.get(name).map(String::as_str).unwrap_or("")
    }

    /// Whether an option is the chosen one.
    pub fn is(&self, name: &str, value: &str) -> bool {
        self.v(name) == value
    }

    /// The messages for a field, joined.
    pub fn err(&self, name: &str) -> String {
        self.errors
            .iter()
            .filter(|(f, _)| f == name)
            .map(|(_, m)| m.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether a field has a problem.
    pub fn invalid(&self, name: &str) -> bool {
        self.errors.iter().any(|(f, _)| f == name)
    }

    /// Every problem, in form order, for the error summary.
    pub fn errors(&self) -> &[(String, String)] {
        &self.errors
    }

    /// Whether there is anything to summarise.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The label of a field (`field-<name>`).
    pub fn label(&self, name: &str) -> String {
        self.tr.t(&format!("field-{}", name.replace('_', "-")))
    }

    /// The hint under a field label (`hint-<name>`), or "" when there is none.
    pub fn hint(&self, name: &str) -> String {
        let key = format!("hint-{}", name.replace('_', "-"));
        if self.tr.i18n().has(&key) {
            self.tr.t(&key)
        } else {
            String::new()
        }
    }

    /// The `aria-describedby` value of a field: its hint and its error, where present.
    pub fn described_by(&self, name: &str, with_hint: &bool) -> String {
        let mut ids = vec![];
        if *with_hint && !self.hint(name).is_empty() {
            ids.push(format!("{name}-hint"));
        }
        if self.invalid(name) {
            ids.push(format!("{name}-error"));
        }
        ids.join(" ")
    }
}
