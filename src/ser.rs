//! Serde helpers for the JSON every command prints: dates as
//! `YYYY-MM-DD`, numbers rounded to the digits the SPEC shows.

use jiff::civil::Date;
use serde::Serializer;

/// Rounds to `digits` decimals.
pub fn round_to(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

pub fn date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

pub fn date_opt<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

pub fn round2<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round_to(*x, 2))
}

pub fn round1_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_some(&round_to(*x, 1)),
        None => s.serialize_none(),
    }
}

pub fn round2_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_some(&round_to(*x, 2)),
        None => s.serialize_none(),
    }
}
