//! Dates and times as people read them: in Serbia's time zone (the portal's people are
//! there, and its deadlines are Serbian dates) and in each language's usual form. Pages,
//! e-mails and documents all write them through here.

use jiff::Timestamp;

use eforeigner_domain::Lang;

/// A time as shown to people: see [`When`].
pub fn when(t: Timestamp, lang: Lang) -> String {
    When(t, lang).to_string()
}

/// A time as shown to people, in Serbia's time zone (the portal's people are there, and
/// its deadlines are Serbian dates) and in the page language's usual form:
/// `7 December 2026, 14:05`, `07.12.2026. 14:05`, `07.12.2026, 14:05`. Written straight
/// into the page (lists show one or two per row: no `String` each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When(pub Timestamp, pub Lang);

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let local = self.0.to_zoned(eforeigner_domain::clock::serbia().clone());
        let (date, time) = (local.date(), local.time());
        write_date(f, self.1, date)?;
        let sep = if self.1 == Lang::En || self.1 == Lang::Ru {
            ", "
        } else {
            " "
        };
        write!(f, "{sep}{:02}:{:02}", time.hour(), time.minute())
    }
}

/// A date as shown to people, in the page language's usual form: `7 December 2026`,
/// `07.12.2026.` (Serbian), `07.12.2026` (Russian).
pub fn date_text(lang: Lang, date: jiff::civil::Date) -> String {
    struct D(Lang, jiff::civil::Date);
    impl std::fmt::Display for D {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write_date(f, self.0, self.1)
        }
    }
    D(lang, date).to_string()
}

/// [`date_text`]'s date, a `YYYY-MM-DD` text (an answer as stored) shown the same way, or
/// the text itself when it is not a date.
pub fn date_answer(lang: Lang, raw: &str) -> String {
    raw.parse::<jiff::civil::Date>()
        .map(|d| date_text(lang, d))
        .unwrap_or_else(|_| raw.to_string())
}

fn write_date(
    f: &mut std::fmt::Formatter<'_>,
    lang: Lang,
    d: jiff::civil::Date,
) -> std::fmt::Result {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::En => {
            let month = MONTHS
                .get(usize::try_from(d.month() - 1).unwrap_or(0))
                .copied()
                .unwrap_or("");
            write!(f, "{} {month} {:04}", d.day(), d.year())
        }
        Lang::SrLatn | Lang::SrCyrl => {
            write!(f, "{:02}.{:02}.{:04}.", d.day(), d.month(), d.year())
        }
        Lang::Ru => write!(f, "{:02}.{:02}.{:04}", d.day(), d.month(), d.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_serbian_and_in_the_languages_form() {
        // 23:04 UTC in winter is 00:04 the next day in Belgrade.
        let t: Timestamp = "2026-01-02T23:04:59.999Z".parse().unwrap();
        assert_eq!(when(t, Lang::En), "3 January 2026, 00:04");
        assert_eq!(when(t, Lang::SrLatn), "03.01.2026. 00:04");
        assert_eq!(when(t, Lang::SrCyrl), "03.01.2026. 00:04");
        assert_eq!(when(t, Lang::Ru), "03.01.2026, 00:04");
        // Summer time: UTC+2.
        let t: Timestamp = "2026-07-15T10:30:00Z".parse().unwrap();
        assert_eq!(when(t, Lang::En), "15 July 2026, 12:30");
        assert_eq!(
            date_text(Lang::SrLatn, jiff::civil::date(2027, 3, 14)),
            "14.03.2027."
        );
        assert_eq!(date_answer(Lang::En, "2027-03-14"), "14 March 2027");
        assert_eq!(date_answer(Lang::En, "not a date"), "not a date");
    }
}
