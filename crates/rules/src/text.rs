//! Rules about a person's free text (names, file names) that every output shares: which
//! characters are invisible formatting that could reorder or hide what is shown around
//! them (a file named `cod\u{202E}fdp.exe` shows as `codexe.pdf`).

/// Whether `c` is an invisible format character (Unicode category Cf) that can reorder or
/// hide the text around it: bidirectional marks, embeddings, overrides and isolates, the
/// Arabic letter mark, zero-width characters, the byte-order mark, the soft hyphen,
/// interlinear annotation marks and tag characters.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}')
}

/// `text` without control characters (line breaks too) and invisible format characters.
pub fn visible(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() && !is_invisible_format(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_overrides_and_controls_are_dropped() {
        assert_eq!(visible("cod\u{202E}fdp.exe"), "codfdp.exe");
        assert_eq!(visible("a\u{2066}b\u{2069}\u{200B}c\u{0}\t\nd"), "abcd");
        assert_eq!(visible("Ђурђевић Čačak 名前 😀"), "Ђурђевић Čačak 名前 😀");
    }
}
