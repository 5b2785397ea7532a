//! Translations: Fluent files for English, Serbian Latin, Serbian Cyrillic and Russian,
//! compiled into the binary (`locales/<tag>.ftl`). A missing key falls back to English, and
//! a test fails when any language lacks a key the English file has.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use eforeigner_domain::Lang;

pub mod dates;
pub mod money;
pub mod names;

/// Per language: the portal's messages, those of the residence rules and their pages, and
/// those of the online application, the e-Mailbox and the verification page.
const SOURCES: [(Lang, &str); 20] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::SrLatn, include_str!("../locales/sr-Latn.ftl")),
    (Lang::SrCyrl, include_str!("../locales/sr-Cyrl.ftl")),
    (Lang::Ru, include_str!("../locales/ru.ftl")),
    (Lang::En, include_str!("../locales/residence/en.ftl")),
    (
        Lang::SrLatn,
        include_str!("../locales/residence/sr-Latn.ftl"),
    ),
    (
        Lang::SrCyrl,
        include_str!("../locales/residence/sr-Cyrl.ftl"),
    ),
    (Lang::Ru, include_str!("../locales/residence/ru.ftl")),
    (Lang::En, include_str!("../locales/applications/en.ftl")),
    (
        Lang::SrLatn,
        include_str!("../locales/applications/sr-Latn.ftl"),
    ),
    (
        Lang::SrCyrl,
        include_str!("../locales/applications/sr-Cyrl.ftl"),
    ),
    (Lang::Ru, include_str!("../locales/applications/ru.ftl")),
    (Lang::En, include_str!("../locales/cases/en.ftl")),
    (Lang::SrLatn, include_str!("../locales/cases/sr-Latn.ftl")),
    (Lang::SrCyrl, include_str!("../locales/cases/sr-Cyrl.ftl")),
    (Lang::Ru, include_str!("../locales/cases/ru.ftl")),
    (Lang::En, include_str!("../locales/decisions/en.ftl")),
    (
        Lang::SrLatn,
        include_str!("../locales/decisions/sr-Latn.ftl"),
    ),
    (
        Lang::SrCyrl,
        include_str!("../locales/decisions/sr-Cyrl.ftl"),
    ),
    (Lang::Ru, include_str!("../locales/decisions/ru.ftl")),
];

/// The loaded translations of every language.
pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    keys: HashMap<Lang, BTreeSet<String>>,
    /// Every message of each language formatted once without arguments, at load: pages
    /// show dozens of such texts (the layout alone about twenty), and a lookup here costs
    /// no formatting and no copy.
    plain: HashMap<Lang, Texts>,
}

/// Message texts by key. Fx hashing: keys are our own identifiers, not user input, and a
/// page looks up about thirty.
type Texts = HashMap<String, String, rustc_hash::FxBuildHasher>;

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("languages", &self.keys.len())
            .finish()
    }
}

impl I18n {
    /// Parses the compiled-in Fluent files; fails on a syntax error.
    pub fn load() -> anyhow::Result<Self> {
        let mut bundles: HashMap<Lang, FluentBundle<FluentResource>> = HashMap::new();
        let mut keys: HashMap<Lang, BTreeSet<String>> = HashMap::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new(source.to_string())
                .map_err(|(_, errors)| anyhow::anyhow!("{}: {errors:?}", lang.tag()))?;
            let ids: BTreeSet<String> = resource
                .entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect();
            let bundle = match bundles.entry(lang) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let langid: unic_langid::LanguageIdentifier = lang.tag().parse()?;
                    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                    // Unicode isolation marks would end up inside HTML attributes and e-mails.
                    bundle.set_use_isolating(false);
                    e.insert(bundle)
                }
            };
            // A key defined twice across a language's files is an error.
            bundle
                .add_resource(resource)
                .map_err(|errors| anyhow::anyhow!("{}: {errors:?}", lang.tag()))?;
            keys.entry(lang).or_default().extend(ids);
        }
        let mut plain: HashMap<Lang, Texts> = HashMap::new();
        for (lang, bundle) in &bundles {
            let texts = plain.entry(*lang).or_default();
            for key in keys.get(lang).into_iter().flatten() {
                if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                    let mut errors = vec![];
                    let text = bundle.format_pattern(pattern, None, &mut errors);
                    texts.insert(key.clone(), text.into_owned());
                }
            }
        }
        Ok(Self {
            bundles,
            keys,
            plain,
        })
    }

    /// The message `key` in `lang` without arguments, as [`I18n::t`], borrowed.
    pub fn text<'a>(&'a self, lang: Lang, key: &'a str) -> &'a str {
        self.lookup(lang, key).unwrap_or(key)
    }

    /// The message `key` in `lang` (or English) without arguments; `None` when no language
    /// has it.
    pub fn lookup(&self, lang: Lang, key: &str) -> Option<&str> {
        [lang, Lang::En]
            .into_iter()
            .find_map(|l| self.plain.get(&l).and_then(|texts| texts.get(key)))
            .map(String::as_str)
    }

    /// The message `key` in `lang` (English when missing there, the key itself as last resort).
    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.text(lang, key).to_string()
    }

    /// The message `key` with named arguments.
    pub fn t_args(&self, lang: Lang, key: &str, args: &[(&str, String)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<i64>() {
                // Numbers select plural forms (e.g. Russian "1 минута / 5 минут").
                Ok(n) => fa.set(*k, FluentValue::from(n)),
                Err(_) => fa.set(*k, FluentValue::from(v.clone())),
            }
        }
        self.format(lang, key, Some(&fa))
    }

    fn format(&self, lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for l in [lang, Lang::En] {
            let Some(bundle) = self.bundles.get(&l) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }

    /// Whether `key` exists in English.
    pub fn has(&self, key: &str) -> bool {
        self.keys.get(&Lang::En).is_some_and(|k| k.contains(key))
    }

    /// Keys of `lang`.
    pub fn keys(&self, lang: Lang) -> BTreeSet<String> {
        self.keys.get(&lang).cloned().unwrap_or_default()
    }
}

/// A translator bound to one language, handed to templates.
#[derive(Clone, Debug)]
pub struct Tr {
    i18n: Arc<I18n>,
    /// The language.
    pub lang: Lang,
}

impl Tr {
    /// Binds `i18n` to `lang`.
    pub fn new(i18n: Arc<I18n>, lang: Lang) -> Self {
        Self { i18n, lang }
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.lang, key)
    }

    /// The message `<prefix><code>`, for codes shown in words (`app-status-draft`), borrowed;
    /// the code itself if no language has that message.
    pub fn text_of<'a>(&'a self, prefix: &str, code: &'a str) -> &'a str {
        self.i18n
            .lookup(self.lang, &format!("{prefix}{code}"))
            .unwrap_or(code)
    }

    /// The message `key`, borrowed (see [`I18n::text`]).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.i18n.text(self.lang, key)
    }

    /// The message `key` with arguments.
    pub fn t_args(&self, key: &str, args: &[(&str, String)]) -> String {
        self.i18n.t_args(self.lang, key, args)
    }

    /// The shared translations.
    pub fn i18n(&self) -> &Arc<I18n> {
        &self.i18n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_kept_at_load_are_what_formatting_gives() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        for lang in Lang::ALL {
            for key in i18n.keys(Lang::En) {
                assert_eq!(
                    i18n.text(lang, &key),
                    i18n.format(lang, &key, None),
                    "{key}"
                );
            }
        }
        assert_eq!(i18n.text(Lang::Ru, "no-such-key"), "no-such-key");
        let tr = Tr::new(Arc::new(i18n), Lang::SrCyrl);
        assert_eq!(
            tr.text_of("mailbox-kind-", "receipt"),
            tr.t("mailbox-kind-receipt")
        );
        assert_ne!(tr.text_of("mailbox-kind-", "receipt"), "receipt");
        assert_eq!(tr.text_of("mailbox-kind-", "unknown_kind"), "unknown_kind");
        Ok(())
    }

    #[test]
    fn every_language_has_every_english_key_and_no_extra() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        let en = i18n.keys(Lang::En);
        assert!(en.len() > 50, "English file looks truncated");
        for lang in Lang::ALL {
            let keys = i18n.keys(lang);
            let missing: Vec<_> = en.difference(&keys).collect();
            let extra: Vec<_> = keys.difference(&en).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
            assert!(
                extra.is_empty(),
                "{} has keys English lacks: {extra:?}",
                lang.tag()
            );
        }
        Ok(())
    }

    #[test]
    fn every_residence_rule_reason_has_a_message() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        for code in eforeigner_rules::residence::ReasonCode::ALL {
            let key = eforeigner_rules::residence::reason_message_key(*code);
            assert!(i18n.has(key), "no message {key}");
        }
        Ok(())
    }

    #[test]
    fn every_application_label_status_step_and_field_has_a_message() -> anyhow::Result<()> {
        use eforeigner_domain::applications::{ApplicationStatus, StepId, StepState};
        let i18n = I18n::load()?;
        let mut keys: Vec<String> = vec![];
        for s in ApplicationStatus::ALL {
            keys.push(format!("app-status-{}", s.as_str()));
            keys.push(format!("app-next-{}", s.as_str()));
        }
        for s in StepId::ALL {
            keys.push(format!("step-{}-title", s.as_str()));
        }
        for s in StepState::ALL {
            keys.push(format!("task-{}", s.as_str()));
        }
        for level in eforeigner_domain::applications::steps::EDUCATION_LEVELS {
            keys.push(format!("education-{level}"));
        }
        for m in eforeigner_domain::applications::steps::PAYMENT_METHODS {
            keys.push(format!("payment-method-{m}"));
        }
        for k in eforeigner_rules::residence::details::all_field_keys() {
            keys.push(format!("field-{}", k.replace('_', "-")));
        }
        for (k, o) in eforeigner_rules::residence::details::all_choice_options() {
            keys.push(format!(
                "option-{}-{}",
                k.replace('_', "-"),
                o.replace('_', "-")
            ));
        }
        for what in [
            "started",
            "submitted",
            "submitted-paid",
            "payment-confirmed",
            "payment-received",
        ] {
            keys.push(format!("event-{what}"));
        }
        let missing: Vec<&String> = keys.iter().filter(|k| !i18n.has(k)).collect();
        assert!(missing.is_empty(), "missing messages: {missing:?}");
        Ok(())
    }

    #[test]
    fn every_message_formats_without_errors_in_every_language() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        // Every `$variable` used anywhere, so each message gets the arguments it needs.
        let mut variables = BTreeSet::new();
        for (_, source) in SOURCES {
            for part in source.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    variables.insert(name);
                }
            }
        }
        for lang in Lang::ALL {
            let bundle = i18n
                .bundles
                .get(&lang)
                .ok_or_else(|| anyhow::anyhow!("no bundle"))?;
            for key in i18n.keys(lang) {
                let Some(pattern) = bundle.get_message(&key).and_then(|m| m.value()) else {
                    continue;
                };
                let mut args = FluentArgs::new();
                for name in &variables {
                    args.set(name.clone(), FluentValue::from("x"));
                }
                let mut errors = vec![];
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} {key}: {errors:?}", lang.tag());
            }
        }
        Ok(())
    }

    /// The key-like string literal `s` starts with (`"error-x"…` → `error-x`).
    fn leading_key(s: &str) -> Option<String> {
        let body = s.strip_prefix('"')?;
        let key: String = body
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
            .collect();
        (!key.is_empty() && body[key.len()..].starts_with('"')).then_some(key)
    }

    /// The key-like literals written right after `prefix` in `text`.
    fn literals_after(text: &str, prefix: &str) -> Vec<String> {
        text.match_indices(prefix)
            .filter_map(|(at, _)| leading_key(&text[at + prefix.len()..]))
            .collect()
    }

    /// The second argument of each call `prefix(first, "code"…)` when it is a key-like
    /// literal and the first is a plain expression (no call of its own).
    fn second_literals(text: &str, prefix: &str) -> Vec<String> {
        text.match_indices(prefix)
            .filter_map(|(at, _)| {
                let (first, after) = text[at + prefix.len()..].split_once(',')?;
                if first.contains(')') {
                    return None;
                }
                leading_key(after.trim_start())
            })
            .collect()
    }

    /// Every file under `dir` (recursively) whose name ends with `ext`.
    fn sources_under(dir: &std::path::Path, ext: &str, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources_under(&path, ext, out);
            } else if path.to_string_lossy().ends_with(ext)
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// A message key written out in a template or in the code (`p.t("…")`, `tr.t_args("…"`,
    /// `Page::new(ctx, "…"`, a field error's code `errors.add(field, "…")`) that no language
    /// has would show the bare key to the user; the test that compares the languages cannot
    /// see it, since none of them has it.
    #[test]
    fn every_key_written_in_a_template_or_the_code_has_a_message() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![];
        sources_under(&root.join("templates"), ".html", &mut files);
        sources_under(&root.join("src"), ".rs", &mut files);
        // The services' field errors carry codes whose messages are here too; the binary's
        // jobs write e-mails with these messages.
        for other in ["../domain/src", "../eforeigner/src"] {
            sources_under(&root.join(other), ".rs", &mut files);
        }
        assert!(files.len() > 30, "found only {} files", files.len());
        let mut checked = 0;
        let mut missing = BTreeSet::new();
        for (file, text) in &files {
            if file.ends_with("i18n.rs") {
                // This test's own patterns.
                continue;
            }
            let mut keys = vec![];
            for prefix in [".t(", ".t_args(", "Page::new(ctx, ", "Page::new(&ctx, "] {
                keys.extend(literals_after(text, prefix));
            }
            for prefix in [".add(", ".add_with("] {
                keys.extend(
                    second_literals(text, prefix)
                        .into_iter()
                        .map(|code| format!("error-{}", code.replace('_', "-"))),
                );
            }
            for key in keys {
                checked += 1;
                if !i18n.has(&key) {
                    missing.insert(format!("{key} ({file})"));
                }
            }
        }
        assert!(
            checked > 300,
            "found only {checked} keys: is the scan still right?"
        );
        assert!(missing.is_empty(), "keys without a message: {missing:#?}");
        Ok(())
    }
}
