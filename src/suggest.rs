//! "Did you mean" suggestions: the nearest names by edit distance, used for
//! unknown config keys, unknown fields, dangling links and KR intake.
//!
//! Suggestions must never cost more than the answer they decorate (SPEC
//! §6): values are cut to [`MAX_CHARS`] characters before comparing, the
//! distance keeps two rows (three for swaps) rather than a matrix and stops
//! as soon as it exceeds the limit, and [`Suggester`] answers many words
//! against one set of candidates with a cache per word, candidates bucketed
//! by length, and a bounded amount of work in all.

use std::collections::HashMap;

/// Characters of a value compared: ids and keys are far shorter, and a
/// typo in a 1 MB title is not a question anyone asked.
pub const MAX_CHARS: usize = 64;

/// Characters of a title compared by [`most_similar`]: enough for any real
/// title, and a 1 MB one costs no more than this.
const MAX_TITLE_CHARS: usize = 256;

/// Distance cells a [`Suggester`] computes in all before it stops looking:
/// a few tenths of a second, far more than any real workspace needs, and
/// a bound on what 100,000 dangling links can cost.
const WORK_BUDGET: usize = 100_000_000;

/// The first `max` characters of `s`, lowercased, as characters.
fn prepared(s: &str, max: usize) -> Vec<char> {
    s.chars().take(max).flat_map(char::to_lowercase).collect()
}

/// Edit distance (optimal string alignment: insertions, deletions,
/// substitutions and swaps of neighbours each cost 1), case-insensitive,
/// over the first [`MAX_CHARS`] characters of each side. The callers
/// compare within a limit; this whole distance pins the algorithm in tests.
#[cfg(test)]
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (prepared(a, MAX_CHARS), prepared(b, MAX_CHARS));
    let max = a.len().max(b.len());
    within(&a, &b, max).unwrap_or(max)
}

/// The distance between `a` and `b` (as compared: case-insensitive, cut
/// to [`MAX_CHARS`]) if it is at most `max`.
pub fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    within(&prepared(a, MAX_CHARS), &prepared(b, MAX_CHARS), max)
}

/// The distance between `a` and `b` if it is at most `max`, else `None`;
/// stops at the first row whose every cell is past `max`. Time is
/// `O(|a| × |b|)` at worst, memory three rows.
fn within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    within_counted(a, b, max, &mut 0)
}

/// [`within`], adding the cells it computed to `cells`.
fn within_counted(a: &[char], b: &[char], max: usize, cells: &mut usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut before: Vec<usize> = vec![0; w];
    let mut prev: Vec<usize> = (0..w).collect();
    let mut row: Vec<usize> = vec![0; w];
    for i in 1..=a.len() {
        *cells += w;
        row[0] = i;
        let mut best = row[0];
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j - 1] + cost).min(prev[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            row[j] = v;
            best = best.min(v);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
}

/// How far a word may be from a suggestion: a third of its length (as
/// compared), at least one edit.
fn limit_for(word: &[char]) -> usize {
    (word.len() / 3).max(1)
}

/// The candidate nearest to `word`, if it is near enough to be a typo
/// (within a third of the word's length, at least one edit).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest(word, candidates, 1).into_iter().next()
}

/// Up to `n` candidates near enough to `word` to be typos, nearest first.
/// Linear in the candidates: each comparison is bounded by [`MAX_CHARS`].
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let word = prepared(word, MAX_CHARS);
    let limit = limit_for(&word);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| within(&word, &prepared(c, MAX_CHARS), limit).map(|d| (d, c)))
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// Answers "did you mean" for many words against one set of candidates, as
/// AL002 does for every dangling link: each distinct word is answered
/// once; only candidates whose length is within the word's limit are
/// compared; and once [`WORK_BUDGET`] distance cells are spent, later
/// words get no suggestion rather than a slow one. Answers are the same as
/// [`nearest`]'s until the budget runs out, which no real workspace
/// reaches.
pub struct Suggester<'a> {
    /// Candidates by their compared length: `(prepared, original)`.
    by_len: Vec<Vec<(Vec<char>, &'a str)>>,
    cache: HashMap<String, Vec<&'a str>>,
    budget: usize,
}

impl<'a> Suggester<'a> {
    /// A suggester over `candidates` (duplicates are harmless).
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let mut by_len: Vec<Vec<(Vec<char>, &'a str)>> = Vec::new();
        for c in candidates {
            let p = prepared(c, MAX_CHARS);
            if by_len.len() <= p.len() {
                by_len.resize_with(p.len() + 1, Vec::new);
            }
            by_len[p.len()].push((p, c));
        }
        Suggester {
            by_len,
            cache: HashMap::new(),
            budget: WORK_BUDGET,
        }
    }

    /// Up to `n` candidates near enough to `word` to be typos, nearest
    /// first (ties by the candidate), as [`nearest`] would answer.
    pub fn nearest(&mut self, word: &str, n: usize) -> Vec<&'a str> {
        if let Some(hit) = self.cache.get(word) {
            return hit.clone();
        }
        let w = prepared(word, MAX_CHARS);
        let limit = limit_for(&w);
        let lo = w.len().saturating_sub(limit);
        let hi = (w.len() + limit + 1).min(self.by_len.len());
        let mut scored: Vec<(usize, &'a str)> = Vec::new();
        'lengths: for bucket in self.by_len.get(lo..hi).unwrap_or_default() {
            for (p, c) in bucket {
                if self.budget == 0 {
                    break 'lengths;
                }
                let mut cells = 0;
                if let Some(d) = within_counted(&w, p, limit, &mut cells) {
                    scored.push((d, c));
                }
                self.budget = self.budget.saturating_sub(cells);
            }
        }
        scored.sort();
        scored.dedup();
        let found: Vec<&'a str> = scored.into_iter().take(n).map(|(_, c)| c).collect();
        self.cache.insert(word.to_string(), found.clone());
        found
    }
}

/// The `n` candidates whose text is most like `text`, best first, however
/// far: used to offer the KRs whose titles are closest to a new task's
/// title. Candidates are `(key, text)`; words shared (by their first five
/// letters, so "webinar" meets "webinars") count most, then edit distance.
/// Titles are cut to [`MAX_TITLE_CHARS`] first, so time and memory are
/// linear in the candidates whatever a title's length.
pub fn most_similar<'a>(
    text: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
    n: usize,
) -> Vec<&'a str> {
    let stems = |s: &[char]| -> Vec<String> {
        let s: String = s.iter().collect();
        let mut v: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| w.chars().take(5).collect())
            .collect();
        v.sort();
        v
    };
    let text = prepared(text, MAX_TITLE_CHARS);
    let mine = stems(&text);
    let mut scored: Vec<(std::cmp::Reverse<usize>, usize, &str)> = candidates
        .into_iter()
        .map(|(key, other)| {
            let other = prepared(other, MAX_TITLE_CHARS);
            let theirs = stems(&other);
            let shared = mine
                .iter()
                .filter(|w| theirs.binary_search(w).is_ok())
                .count();
            let far = text.len().max(other.len());
            let d = within(&text, &other, far).unwrap_or(far);
            (std::cmp::Reverse(shared), d, key)
        })
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, _, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("KR-3", "kr-3"), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abcd", "abdc"), 1);
        assert_eq!(distance("ca", "abc"), 3);
    }

    #[test]
    fn bounded_distance_stops_past_the_limit() {
        let (a, b) = (prepared("kitten", 64), prepared("sitting", 64));
        assert_eq!(within(&a, &b, 3), Some(3));
        assert_eq!(within(&a, &b, 2), None);
        assert_eq!(within(&a, &prepared("kitten-and-more", 64), 2), None);
    }

    #[test]
    fn suggestions_stay_close() {
        assert_eq!(closest("titel", ["title", "team"]), Some("title"));
        assert_eq!(closest("zzz", ["title", "team"]), None);
        assert_eq!(
            nearest("KR-13", ["KR-1", "KR-3", "O-1"], 3),
            vec!["KR-1", "KR-3"]
        );
    }

    #[test]
    fn the_suggester_answers_as_nearest_does() {
        let ids = ["KR-1", "KR-3", "O-1", "KR-12", "KR-123456", "T-7kq3"];
        let mut s = Suggester::new(ids);
        for word in [
            "KR-13",
            "kr-1",
            "T-7kq",
            "O-2",
            "nothing-like-it",
            "KR-12345",
        ] {
            assert_eq!(s.nearest(word, 3), nearest(word, ids, 3), "{word}");
            // The cached answer is the same.
            assert_eq!(s.nearest(word, 3), nearest(word, ids, 3), "{word}");
        }
    }

    #[test]
    fn the_suggester_stops_at_its_budget() {
        let ids: Vec<String> = (0..1000).map(|i| format!("KR-{i:04}")).collect();
        let mut s = Suggester::new(ids.iter().map(String::as_str));
        s.budget = 0;
        assert!(s.nearest("KR-0001x", 3).is_empty());
    }

    #[test]
    fn a_megabyte_value_costs_no_more_than_a_short_one() {
        let huge = "x".repeat(1 << 20);
        // Cut to MAX_CHARS, so this is a 64-by-64 comparison, not a
        // terabyte matrix.
        assert_eq!(distance(&huge, &huge[..10]), MAX_CHARS - 10);
        assert_eq!(closest(&huge, ["title"]), None);
        let titles = [("KR-1", huge.as_str()), ("KR-2", "grow webinar signups")];
        assert_eq!(
            most_similar("more webinars", titles, 1),
            vec!["KR-2"],
            "shared words still win"
        );
        assert_eq!(most_similar(&huge, titles, 2).len(), 2);
    }
}
