//! Biometrics appointments as people read them: a slot's day and hours in Serbia's time
//! zone, and the calendar file (.ics, RFC 5545) of a booking.

use eforeigner_domain::applications::BiometricsSlot;
use jiff::Timestamp;

use crate::i18n::Tr;
use crate::i18n::dates::when;

/// A slot as `9 December 2026, 08:00–08:30` (in the reader's form).
pub fn slot_text(tr: &Tr, slot: &BiometricsSlot) -> String {
    let end = slot
        .ends_at
        .to_zoned(eforeigner_domain::clock::serbia().clone());
    format!(
        "{}–{:02}:{:02}",
        when(slot.starts_at, tr.lang),
        end.time().hour(),
        end.time().minute()
    )
}

/// Text for an iCalendar property value: backslash, semicolon, comma and line breaks
/// escaped (RFC 5545, 3.3.11).
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
        .replace('\r', "")
}

/// An instant in iCalendar's UTC form, `20261209T070000Z`.
fn ics_time(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The calendar file of an appointment in `slot`: one event with `uid`, `summary` and
/// `location`, stamped `now`. Lines end with CRLF, as the format asks.
pub fn ics(
    uid: &str,
    slot: &BiometricsSlot,
    summary: &str,
    location: &str,
    now: Timestamp,
) -> String {
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//eForeigner//Biometrics//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", ics_text(uid)),
        format!("DTSTAMP:{}", ics_time(now)),
        format!("DTSTART:{}", ics_time(slot.starts_at)),
        format!("DTEND:{}", ics_time(slot.ends_at)),
        format!("SUMMARY:{}", ics_text(summary)),
        format!("LOCATION:{}", ics_text(location)),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_appointment_is_one_event_in_utc_with_escaped_text() {
        let slot = BiometricsSlot {
            id: "s1".into(),
            department: eforeigner_domain::find_department("beograd").unwrap(),
            starts_at: "2026-12-09T07:00:00Z".parse().unwrap(),
            ends_at: "2026-12-09T07:30:00Z".parse().unwrap(),
            capacity: 4,
            booked: 1,
            closed: false,
        };
        let text = ics(
            "case-1@eforeigner",
            &slot,
            "Biometrics, residence permit",
            "Policijska uprava; Beograd",
            "2026-12-07T10:00:00Z".parse().unwrap(),
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("DTSTART:20261209T070000Z\r\n"));
        assert!(text.contains("DTEND:20261209T073000Z\r\n"));
        assert!(text.contains("SUMMARY:Biometrics\\, residence permit\r\n"));
        assert!(text.contains("LOCATION:Policijska uprava\\; Beograd\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    }
}
