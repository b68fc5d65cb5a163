//! Forecasts of KRs (SPEC §10): where a KR will stand at its period end if
//! it keeps its pace. A KR with a metric and at least two check-ins in its
//! period gets a least-squares line through those check-ins and its start
//! value at the period start; a task-driven KR is projected from the rate
//! at which its traced estimate got done. A forecast is shown beside the
//! §3 status and never changes it: the status judges what happened, the
//! forecast says what the pace implies.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Serialize, Serializer};

use super::progress::{Work, numeric_progress, unit};
use crate::model::{Checkin, Metric, Period, Status, days_between};
use crate::ser::{round_to, round2};

/// A line further out than this is "never" (`reaches_target_on: null`):
/// a date a century away is no forecast, and it keeps date math in range.
const HORIZON_DAYS: f64 = 36_525.0;

/// Where a KR is projected to stand at its period end (SPEC §10 JSON).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Forecast {
    /// The metric's projected value; for a task-driven KR, the projected
    /// done estimate.
    #[serde(serialize_with = "round2")]
    pub value: f64,
    /// The projected progress at the period end, from 0 to 1.
    #[serde(serialize_with = "round2")]
    pub progress: f64,
    /// The day the projection reaches the target (the day it was reached,
    /// when it already has); `None` when the pace never gets there.
    #[serde(serialize_with = "date_opt")]
    pub reaches_target_on: Option<Date>,
}

/// A straight line `y = intercept + slope · x`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub intercept: f64,
    pub slope: f64,
}

impl Line {
    /// The line's value at `x`.
    pub fn at(&self, x: f64) -> f64 {
        self.intercept + self.slope * x
    }
}

/// The ordinary least-squares line through `points` (x, y); `None` with
/// fewer than two distinct x values, where no line is determined.
pub fn least_squares(points: &[(f64, f64)]) -> Option<Line> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for &(x, y) in points {
        sxy += (x - mean_x) * (y - mean_y);
        sxx += (x - mean_x) * (x - mean_x);
    }
    if sxx.abs() < f64::EPSILON || !sxy.is_finite() {
        return None;
    }
    let slope = sxy / sxx;
    Some(Line {
        intercept: mean_y - slope * mean_x,
        slope,
    })
}

/// The check-ins a forecast fits: inside the period, at or before as-of.
pub fn checkins_in<'a>(
    checkins: &'a [Checkin],
    period: &Period,
    as_of: Date,
) -> impl Iterator<Item = &'a Checkin> + 'a {
    let period = *period;
    checkins
        .iter()
        .filter(move |c| period.contains(c.date) && c.date <= as_of)
}

/// The forecast of a KR with a metric: the least-squares line through its
/// start value at the period start and its check-ins in the period,
/// valued at the period end. `None` with fewer than two check-ins.
pub fn metric_forecast(
    metric: &Metric,
    checkins: &[Checkin],
    period: &Period,
    as_of: Date,
) -> Option<Forecast> {
    let mut seen: Vec<&Checkin> = checkins_in(checkins, period, as_of).collect();
    if seen.len() < 2 {
        return None;
    }
    seen.sort_by_key(|c| c.date);
    let mut points = vec![(0.0, metric.start)];
    points.extend(
        seen.iter()
            .map(|c| (days_between(period.start, c.date) as f64, c.value)),
    );
    let line = least_squares(&points)?;
    let end = period.days() as f64;
    let value = line.at(end);
    let (start, target) = (metric.start, metric.target);
    let progress = numeric_progress(start, target, value);
    let reached = seen
        .iter()
        .find(|c| numeric_progress(start, target, c.value) >= 1.0)
        .filter(|_| numeric_progress(start, target, seen[seen.len() - 1].value) >= 1.0);
    let reaches_target_on = match reached {
        Some(c) => Some(c.date),
        // The line heads for the target: the first whole day on it, and
        // never before as-of, since the KR has not got there yet.
        None if line.slope * (target - start) > 0.0 => {
            let day = ((target - line.intercept) / line.slope).ceil();
            let today = days_between(period.start, as_of) as f64;
            day_after(period.start, day.max(today))
        }
        None => None,
    };
    Some(Forecast {
        value,
        progress,
        reaches_target_on,
    })
}

/// One traced task as the task-driven forecast sees it at as-of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DatedWork {
    pub work: Work,
    /// The day it was finished, for done work.
    pub done: Option<Date>,
}

/// The forecast of a task-driven KR: the estimate done inside the period
/// so far, per elapsed day, carried on to the period end (never past all
/// of the work). `None` without work, or before a day of the period has
/// passed (there is no rate yet).
pub fn task_forecast(work: &[DatedWork], period: &Period, as_of: Date) -> Option<Forecast> {
    let (mut total, mut done_now, mut done_in, mut last_done) = (0.0, 0.0, 0.0, None);
    for w in work {
        let e = w.work.estimate.max(0.0);
        match w.work.status {
            Status::Cancelled => continue,
            Status::Done => {
                done_now += e;
                if let Some(d) = w.done {
                    if period.contains(d) && d <= as_of {
                        done_in += e;
                    }
                    last_done = last_done.max(Some(d));
                }
            }
            _ => {}
        }
        total += e;
    }
    let elapsed = days_between(period.start, as_of.min(period.end));
    if total <= 0.0 || elapsed <= 0 {
        return None;
    }
    let rate = done_in / elapsed as f64;
    let left = days_between(as_of, period.end).max(0) as f64;
    let value = (done_now + rate * left).min(total);
    let reaches_target_on = if done_now >= total {
        last_done
    } else if rate > 0.0 {
        let days = ((total - done_now) / rate).ceil();
        day_after(as_of, days)
    } else {
        None
    };
    Some(Forecast {
        value,
        progress: unit(value / total),
        reaches_target_on,
    })
}

/// `from` plus `days` whole days; `None` past the horizon.
fn day_after(from: Date, days: f64) -> Option<Date> {
    if !days.is_finite() || days > HORIZON_DAYS {
        return None;
    }
    from.checked_add((days.max(0.0) as i64).days()).ok()
}

/// The short form `status` and the site print: `→ 41 by 2026-12-31`.
pub fn summary(f: &Forecast, task_driven: bool, end: Date) -> String {
    if task_driven {
        format!("→ {}% by {end}", (f.progress * 100.0).round() as i64)
    } else {
        format!("→ {} by {end}", number(f.value))
    }
}

/// A measured value with the precision a reader needs: whole numbers from
/// 100 up, one decimal from 10, two below; trailing zeros dropped.
pub fn number(x: f64) -> String {
    let digits = match x.abs() {
        a if a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        _ => 2,
    };
    let s = format!("{:.*}", digits as usize, round_to(x, digits));
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        return "0".into();
    }
    // Thousands apart from 10,000 up: `510,373` reads, `510373` is counted.
    if x.abs() < 10_000.0 {
        return s;
    }
    let (sign, digits) = s.split_at(usize::from(s.starts_with('-')));
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn date_opt<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn checkin(d: Date, value: f64) -> Checkin {
        Checkin {
            date: d,
            value,
            confidence: None,
            note: None,
        }
    }

    #[test]
    fn least_squares_by_hand() {
        // x = 0, 1, 2, 3; y = 1, 3, 4, 8. x̄ = 1.5, ȳ = 4;
        // Σ(x−x̄)(y−ȳ) = (−1.5)(−3) + (−0.5)(−1) + (0.5)(0) + (1.5)(4) = 11;
        // Σ(x−x̄)² = 2.25 + 0.25 + 0.25 + 2.25 = 5; slope 2.2, intercept 0.7.
        let l = least_squares(&[(0.0, 1.0), (1.0, 3.0), (2.0, 4.0), (3.0, 8.0)]).unwrap();
        assert!((l.slope - 2.2).abs() < 1e-12);
        assert!((l.intercept - 0.7).abs() < 1e-12);
        assert!(least_squares(&[(1.0, 1.0)]).is_none());
        assert!(least_squares(&[(1.0, 1.0), (1.0, 5.0)]).is_none());
    }

    #[test]
    fn metric_forecast_through_start_and_checkins_by_hand() {
        // 2026-Q4: Oct 1 – Dec 31, 91 days. Start 30 at day 0; check-ins
        // 32.5 on Oct 15 (day 14) and 35.25 on Nov 12 (day 42).
        // x̄ = 56/3, ȳ = 97.75/3; Σ(x−x̄)² = 0² + 14² + 42² − 3·x̄² = 1960 − 3136/3
        // = 2744/3; Σxy − 3·x̄·ȳ = 14·32.5 + 42·35.25 − 56·97.75/3
        // = 1935.5 − 5474/3 = 332.5/3; slope = 332.5/2744 = 0.121173…;
        // intercept = ȳ − slope·x̄ = 32.5833… − 2.26190… = 30.32143…
        // At day 91: 30.32143 + 0.121173·91 = 41.3482 → progress
        // (41.3482 − 30)/15 = 0.7565. Target 45 at day
        // (45 − 30.32143)/0.121173 = 121.14 → day 122 = 2027-01-31.
        let m = Metric {
            start: 30.0,
            target: 45.0,
            current: None,
            unit: None,
        };
        let cs = [
            checkin(date(2026, 11, 12), 35.25),
            checkin(date(2026, 10, 15), 32.5),
            checkin(date(2026, 11, 20), 99.0), // after as-of: not seen
        ];
        let q4 = Period::parse("2026-Q4").unwrap();
        let f = metric_forecast(&m, &cs, &q4, date(2026, 11, 12)).unwrap();
        assert!((f.value - 41.3482).abs() < 1e-3, "{}", f.value);
        assert!((f.progress - 0.7565).abs() < 1e-3, "{}", f.progress);
        assert_eq!(f.reaches_target_on, Some(date(2027, 1, 31)));
        assert_eq!(summary(&f, false, q4.end), "→ 41.3 by 2026-12-31");
        // One check-in in the period is not enough.
        assert!(metric_forecast(&m, &cs[..1], &q4, date(2026, 11, 12)).is_none());
    }

    #[test]
    fn metric_forecast_moving_away_never_reaches() {
        let m = Metric {
            start: 180.0,
            target: 140.0,
            current: None,
            unit: None,
        };
        let cs = [
            checkin(date(2026, 10, 15), 185.0),
            checkin(date(2026, 11, 1), 190.0),
        ];
        let q4 = Period::parse("2026-Q4").unwrap();
        let f = metric_forecast(&m, &cs, &q4, date(2026, 11, 12)).unwrap();
        assert_eq!(f.progress, 0.0);
        assert_eq!(f.reaches_target_on, None);
        // A decrease heading for its target is dated.
        let down = [
            checkin(date(2026, 10, 15), 170.0),
            checkin(date(2026, 11, 1), 160.0),
        ];
        let f = metric_forecast(&m, &down, &q4, date(2026, 11, 12)).unwrap();
        assert_eq!(f.progress, 1.0);
        assert!(f.reaches_target_on.unwrap() < q4.end);
    }

    #[test]
    fn task_forecast_from_the_done_rate_by_hand() {
        // 28 days into 2026-Q4 (as-of Oct 29), 4 of 20 points done inside
        // the period: 1/7 point a day. 63 days left → 4 + 9 = 13 points,
        // progress 0.65; the 16 points left take 112 days → 2027-02-18.
        let w = |status, estimate, done| DatedWork {
            work: Work { status, estimate },
            done,
        };
        let work = [
            w(Status::Done, 4.0, Some(date(2026, 10, 20))),
            w(Status::Todo, 8.0, None),
            w(Status::Doing, 8.0, None),
            w(Status::Cancelled, 5.0, None),
        ];
        let q4 = Period::parse("2026-Q4").unwrap();
        let f = task_forecast(&work, &q4, date(2026, 10, 29)).unwrap();
        assert!((f.value - 13.0).abs() < 1e-9);
        assert!((f.progress - 0.65).abs() < 1e-9);
        assert_eq!(f.reaches_target_on, Some(date(2027, 2, 18)));
        assert_eq!(summary(&f, true, q4.end), "→ 65% by 2026-12-31");
        // No rate on the first day, and no forecast without work.
        assert!(task_forecast(&work, &q4, date(2026, 10, 1)).is_none());
        assert!(task_forecast(&[], &q4, date(2026, 11, 1)).is_none());
    }

    #[test]
    fn numbers_for_readers() {
        assert_eq!(number(41.0), "41");
        assert_eq!(number(41.348), "41.3");
        assert_eq!(number(452_345.6), "452,346");
        assert_eq!(number(-12_345.0), "-12,345");
        assert_eq!(number(9_999.0), "9999");
        assert_eq!(number(0.0712), "0.07");
        assert_eq!(number(-0.001), "0");
    }
}
