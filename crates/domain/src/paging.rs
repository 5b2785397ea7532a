//! Lists shown a page at a time ("My applications", the e-Mailbox): which page was asked
//! for, which rows that is, and whether there are more. Pure.

/// Rows per page of a list: enough to see recent cases at a glance, few enough that a page
/// stays small and quick (`bench/README.md`).
pub const PAGE_SIZE: u32 = 20;

/// The highest page number accepted (20 × 10,000 rows is far beyond any account's lists).
const MAX_PAGE: u32 = 10_000;

/// A 1-based page number, from the `page` query parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageNumber(u32);

impl PageNumber {
    /// The first page.
    pub const FIRST: Self = Self(1);

    /// Reads `page=N`; a missing, malformed, zero or absurd value is the first page (a
    /// link from an old bookmark should still show something useful).
    pub fn parse(value: Option<&str>) -> Self {
        value
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .map_or(Self::FIRST, Self)
    }

    /// The number.
    pub fn get(self) -> u32 {
        self.0
    }

    /// The rows to read: skip the earlier pages, take one more than a page so that the
    /// caller learns whether a next page exists without counting.
    pub const fn window(self) -> Window {
        // Widening casts (`From` is not usable in a `const fn`).
        Window {
            offset: (self.0 as i64 - 1) * PAGE_SIZE as i64,
            limit: PAGE_SIZE as i64 + 1,
        }
    }

    /// Cuts what [`Self::window`] read into this page.
    pub fn page_of<T>(self, mut rows: Vec<T>) -> Paged<T> {
        let has_next = rows.len() > PAGE_SIZE as usize;
        rows.truncate(PAGE_SIZE as usize);
        Paged {
            items: rows,
            page: self,
            has_next,
        }
    }
}

/// Which rows of a list to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Rows skipped.
    pub offset: i64,
    /// Rows read at most.
    pub limit: i64,
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paged<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// Which page it is.
    pub page: PageNumber,
    /// Whether a further page has rows.
    pub has_next: bool,
}

impl<T> Paged<T> {
    /// Whether a page before this one exists.
    pub fn has_previous(&self) -> bool {
        self.page.get() > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_page_numbers_leniently() {
        assert_eq!(PageNumber::parse(None).get(), 1);
        assert_eq!(PageNumber::parse(Some("3")).get(), 3);
        assert_eq!(PageNumber::parse(Some(" 2 ")).get(), 2);
        for bad in ["0", "-1", "x", "", "1.5", "10001", "99999999999"] {
            assert_eq!(PageNumber::parse(Some(bad)).get(), 1, "{bad}");
        }
    }

    #[test]
    fn windows_and_pages() {
        let p = PageNumber::parse(Some("3"));
        assert_eq!(
            p.window(),
            Window {
                offset: 40,
                limit: 21
            }
        );
        let full = p.page_of((0..21).collect::<Vec<_>>());
        assert_eq!((full.items.len(), full.has_next), (20, true));
        assert!(full.has_previous());
        let last = PageNumber::FIRST.page_of((0..20).collect::<Vec<_>>());
        assert_eq!((last.items.len(), last.has_next), (20, false));
        assert!(!last.has_previous());
    }

    proptest! {
        #[test]
        fn every_row_is_on_exactly_one_page(total in 0usize..200) {
            let rows: Vec<usize> = (0..total).collect();
            let mut seen = vec![];
            let mut n = 1u32;
            loop {
                let page = PageNumber::parse(Some(&n.to_string()));
                let w = page.window();
                let read: Vec<usize> = rows
                    .iter()
                    .copied()
                    .skip(w.offset as usize)
                    .take(w.limit as usize)
                    .collect();
                let paged = page.page_of(read);
                seen.extend(paged.items);
                if !paged.has_next {
                    break;
                }
                n += 1;
            }
            prop_assert_eq!(seen, rows);
        }
    }
}
