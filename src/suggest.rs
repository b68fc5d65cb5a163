//! "Did you mean" suggestions: the nearest names by edit distance, used for
//! unknown config keys, unknown fields, dangling links and KR intake.

/// Edit distance (optimal string alignment: insertions, deletions,
/// substitutions and swaps of neighbours each cost 1), case-insensitive.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j - 1] + cost)
                .min(d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// The candidate nearest to `word`, if it is near enough to be a typo
/// (within a third of the word's length, at least one edit).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest(word, candidates, 1).into_iter().next()
}

/// Up to `n` candidates near enough to `word` to be typos, nearest first.
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    n: usize,
) -> Vec<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| (distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// The `n` candidates whose text is most like `text`, best first, however
/// far: used to offer the KRs whose titles are closest to a new task's
/// title. Candidates are `(key, text)`; words shared (by their first five
/// letters, so "webinar" meets "webinars") count most, then edit distance.
pub fn most_similar<'a>(
    text: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
    n: usize,
) -> Vec<&'a str> {
    let stems = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| w.chars().take(5).collect())
            .collect()
    };
    let mine = stems(text);
    let mut scored: Vec<(std::cmp::Reverse<usize>, usize, &str)> = candidates
        .into_iter()
        .map(|(key, other)| {
            let theirs = stems(other);
            let shared = mine.iter().filter(|w| theirs.contains(w)).count();
            (std::cmp::Reverse(shared), distance(text, other), key)
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
}
