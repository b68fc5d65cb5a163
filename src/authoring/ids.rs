//! Fresh ids for `align new` (SPEC §4): tasks get short random ids
//! (`T-7kq3`) by default, so two branches never mint the same one;
//! objectives, KRs and initiatives, which few people create, take the next
//! free number (`KR-12`). `ids: sequential` numbers tasks too. A number
//! another `align new` takes first is not an error: `create::create` plans
//! again, and the file it created makes this one skip to the next.

use std::hash::{BuildHasher, Hasher};

use crate::model::Kind;

/// Characters of random ids: digits and lower-case letters without the
/// look-alikes `0 o 1 l i`.
pub const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// The prefix of generated ids of `kind`.
pub fn prefix(kind: Kind) -> &'static str {
    match kind {
        Kind::Objective => "O-",
        Kind::Kr => "KR-",
        Kind::Initiative => "I-",
        Kind::Task => "T-",
    }
}

/// A random task id not `taken`: four characters (29 million ids), or
/// more if many tries collide.
pub fn random(kind: Kind, taken: impl Fn(&str) -> bool) -> String {
    let state = std::hash::RandomState::new();
    for attempt in 0u64.. {
        let len = 4 + (attempt / 32) as usize;
        let mut h = state.build_hasher();
        h.write_u64(attempt);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        let mut bits = h.finish();
        let mut id = prefix(kind).to_string();
        for _ in 0..len {
            id.push(ALPHABET[(bits % ALPHABET.len() as u64) as usize] as char);
            bits /= ALPHABET.len() as u64;
            if bits == 0 {
                bits = state.hash_one((attempt, id.len()));
            }
        }
        if !taken(&id) {
            return id;
        }
    }
    unreachable!("the id space is unbounded")
}

/// The next number after the highest `PREFIX<n>` among `existing`,
/// zero-padded like the ids already there (`T-0023` → `T-0024`), skipping
/// any that are `taken`.
pub fn sequential<'a>(
    kind: Kind,
    existing: impl IntoIterator<Item = &'a str>,
    taken: impl Fn(&str) -> bool,
) -> String {
    let p = prefix(kind);
    let mut max = 0u64;
    let mut width = 1;
    for id in existing {
        let Some(digits) = id.strip_prefix(p) else {
            continue;
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if let Ok(n) = digits.parse::<u64>()
            && n >= max
        {
            max = n;
            width = if digits.starts_with('0') {
                digits.len()
            } else {
                1
            };
        }
    }
    let mut n = max + 1;
    loop {
        let id = format!("{p}{n:0width$}");
        if !taken(&id) {
            return id;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_use_the_alphabet_and_avoid_taken() {
        let id = random(Kind::Task, |_| false);
        assert_eq!(id.len(), 6);
        assert!(id[2..].bytes().all(|b| ALPHABET.contains(&b)), "{id}");
        let mut seen = std::collections::HashSet::new();
        for _ in 0..200 {
            let id = random(Kind::Task, |i| seen.contains(i));
            assert!(seen.insert(id));
        }
    }

    #[test]
    fn sequential_ids_follow_the_highest() {
        assert_eq!(
            sequential(Kind::Kr, ["KR-1", "KR-9", "KR-3", "O-12"], |_| false),
            "KR-10"
        );
        assert_eq!(
            sequential(Kind::Task, ["T-0023", "T-7kq3"], |_| false),
            "T-0024"
        );
        assert_eq!(sequential(Kind::Objective, [], |_| false), "O-1");
        assert_eq!(sequential(Kind::Initiative, ["I-1"], |i| i == "I-2"), "I-3");
    }
}
