//! Reading submitted forms: URL-encoded fields, and multipart bodies whose files are read
//! chunk by chunk with the size limit enforced while streaming. Also [`FormView`], which a
//! template uses to show values, inline errors and the error summary.

use std::collections::HashMap;

use axum::extract::Multipart;
use bytes::BytesMut;

use super::error::{PageError, field_message};
use crate::domain::accounts::IncomingFile;
use crate::domain::uploads::MAX_FILE_BYTES;
use crate::domain::{FieldErrors, uploads::FileProblem};
use crate::i18n::Tr;
use crate::store::files::upload_buffer;

/// A multipart form: text fields and files.
#[derive(Debug, Default)]
pub struct MultipartForm {
    /// Text fields (last value wins).
    pub fields: HashMap<String, String>,
    /// Files that arrived within the size limit.
    pub files: Vec<IncomingFile>,
    /// Files refused while streaming (too large), by name.
    pub oversized: Vec<String>,
}

impl MultipartForm {
    /// A text field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }

    /// Reads the whole body; file parts named `file_field` are collected (empty file inputs,
    /// sent by browsers when nothing was chosen, are skipped).
    pub async fn read(mut multipart: Multipart, file_field: &str) -> Result<Self, PageError> {
        let mut form = MultipartForm::default();
        while let Some(mut field) = multipart
            .next_field()
            .await
            .map_err(|_| PageError::BadRequest)?
        {
            let name = field.name().unwrap_or("").to_string();
            if name == file_field {
                let file_name = field.file_name().unwrap_or("").to_string();
                let mut buf = BytesMut::new();
                let mut too_large = false;
                while let Some(chunk) = field.chunk().await.map_err(|_| PageError::TooLarge)? {
                    if too_large {
                        continue;
                    }
                    if buf.len() + chunk.len() > MAX_FILE_BYTES {
                        // Stop keeping bytes at once; drain the rest of this part.
                        too_large = true;
                        buf = BytesMut::new();
                        continue;
                    }
                    if buf.capacity() == 0 {
                        // Aligned for the file store's direct write, the largest size at
                        // once (no doubling and copying from small).
                        buf = upload_buffer(MAX_FILE_BYTES);
                    }
                    buf.extend_from_slice(&chunk);
                }
                if too_large {
                    form.oversized.push(file_name);
                } else if !(file_name.is_empty() && buf.is_empty()) {
                    form.files.push(IncomingFile {
                        file_name,
                        bytes: buf.freeze(),
                    });
                }
            } else {
                let text = field.text().await.map_err(|_| PageError::BadRequest)?;
                form.fields.insert(name, text);
            }
        }
        Ok(form)
    }

    /// Adds the streaming refusals to `errors` under `field`.
    pub fn report_oversized(&self, errors: &mut FieldErrors, field: &str) {
        for name in &self.oversized {
            errors.add_with(
                field,
                FileProblem::TooLarge.code(),
                &[
                    ("name", crate::domain::uploads::display_name(name)),
                    ("mb", (MAX_FILE_BYTES / 1024 / 1024).to_string()),
                ],
            );
        }
    }
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
            .map(|e| (e.field.clone(), field_message(tr, &e.code, &e.args)))
            .collect();
        Self {
            tr: tr.clone(),
            values,
            errors,
        }
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
