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

/// Serbian Latin → Cyrillic, letter by letter (`lj`, `nj`, `dž` are one letter each);
/// anything else (digits, punctuation, other letters) is kept. Serbian is written in both
/// scripts with a one-to-one correspondence; a Serbian Cyrillic page shows names held in
/// Latin (the fee's payee, municipalities) in Cyrillic, so it stays in one script.
pub fn latin_to_cyrillic(latin: &str) -> String {
    const PAIRS: [(&str, char); 9] = [
        ("lj", 'љ'),
        ("nj", 'њ'),
        ("dž", 'џ'),
        ("Lj", 'Љ'),
        ("Nj", 'Њ'),
        ("Dž", 'Џ'),
        ("LJ", 'Љ'),
        ("NJ", 'Њ'),
        ("DŽ", 'Џ'),
    ];
    const LATIN: &str = "abvgdđežzijklmnoprstćufhcčšABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ";
    const CYRILLIC: &str = "абвгдђежзијклмнопрстћуфхцчшАБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ";
    let mut out = String::with_capacity(latin.len() * 2);
    let mut rest = latin;
    'outer: while let Some(c) = rest.chars().next() {
        for (pair, cyr) in PAIRS {
            if let Some(r) = rest.strip_prefix(pair) {
                out.push(cyr);
                rest = r;
                continue 'outer;
            }
        }
        let mapped = LATIN
            .chars()
            .position(|l| l == c)
            .and_then(|i| CYRILLIC.chars().nth(i))
            .unwrap_or(c);
        out.push(mapped);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serbian_latin_becomes_cyrillic_letter_by_letter() {
        assert_eq!(
            latin_to_cyrillic("Republička administrativna taksa"),
            "Републичка административна такса"
        );
        assert_eq!(
            latin_to_cyrillic("Džep, LJUBAV, Njiva 12"),
            "Џеп, ЉУБАВ, Њива 12"
        );
    }

    #[test]
    fn direction_overrides_and_controls_are_dropped() {
        assert_eq!(visible("cod\u{202E}fdp.exe"), "codfdp.exe");
        assert_eq!(visible("a\u{2066}b\u{2069}\u{200B}c\u{0}\t\nd"), "abcd");
        assert_eq!(visible("Ђурђевић Čačak 名前 😀"), "Ђурђевић Čačak 名前 😀");
    }
}
