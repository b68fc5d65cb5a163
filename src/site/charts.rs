//! Inline SVG charts for the site (SPEC §9): a progress-against-expected
//! bar, a KR burn-up (check-ins, the expected line, the forecast to the
//! period end), and the trend of untraced % and lagging share. Small and
//! hand-made: each chart is a few shapes, and a plotting crate would bring
//! fonts, raster backends and kilobytes of markup per chart for no gain.
//! Colours come from CSS classes (the page's colour-blind-safe palette,
//! dark mode included); every series also differs by dash pattern and is
//! labelled in words, so no reading depends on colour. All text is escaped.

use std::fmt::Write;

use jiff::civil::Date;

use super::Burnup;
use crate::audit::forecast::{Forecast, number};
use crate::model::days_between;
use crate::trend::Trend;

/// Escapes text for SVG and HTML content and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A bar of `progress` (0–1) with a tick at `expected`; `status` is the CSS
/// class that colours the fill. The label says both numbers in words.
pub fn progress_bar(progress: Option<f64>, expected: f64, status: &str) -> String {
    let p = progress.map(crate::audit::unit).unwrap_or(0.0);
    let e = crate::audit::unit(expected);
    let label = match progress {
        Some(_) => format!(
            "{}% done against {}% expected",
            (p * 100.0).round(),
            (e * 100.0).round()
        ),
        None => format!("no progress measured; {}% expected", (e * 100.0).round()),
    };
    format!(
        concat!(
            r#"<svg class="bar" viewBox="0 0 200 14" preserveAspectRatio="none" role="img" aria-label="{label}">"#,
            r#"<title>{label}</title>"#,
            r#"<rect class="bar-bg" x="0" y="2" width="200" height="10" rx="2"/>"#,
            r#"<rect class="fill {status}" x="0" y="2" width="{w:.1}" height="10" rx="2"/>"#,
            r#"<rect class="expected" x="{x:.1}" y="0" width="2" height="14"/>"#,
            "</svg>"
        ),
        label = esc(&label),
        status = esc(status),
        w = p * 200.0,
        x = (e * 200.0 - 1.0).clamp(0.0, 198.0),
    )
}

const W: f64 = 640.0;
const H: f64 = 240.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 36.0;

/// Maps days and values onto the plot area.
struct Frame {
    days: f64,
    lo: f64,
    hi: f64,
}

impl Frame {
    fn x(&self, day: f64) -> f64 {
        LEFT + (W - LEFT - RIGHT) * (day / self.days.max(1.0)).clamp(0.0, 1.0)
    }

    fn y(&self, v: f64) -> f64 {
        let span = (self.hi - self.lo).max(f64::EPSILON);
        TOP + (H - TOP - BOTTOM) * (1.0 - ((v - self.lo) / span).clamp(0.0, 1.0))
    }
}

/// The burn-up of one KR: its check-ins (or done points) as a solid line
/// from the start value, the expected straight line from start to target,
/// the forecast as a dotted line from the last value to the period end,
/// and a rule at as-of.
pub fn burnup(b: &Burnup, forecast: Option<&Forecast>, as_of: Date) -> String {
    let days = days_between(b.start, b.end) as f64;
    let day = |d: Date| days_between(b.start, d) as f64;
    let mut values = vec![b.from, b.to];
    values.extend(b.points.iter().map(|p| p.value));
    values.extend(forecast.map(|f| f.value));
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad = ((hi - lo) * 0.05).max(f64::EPSILON);
    let f = Frame {
        days,
        lo: lo - pad,
        hi: hi + pad,
    };
    let unit = b
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let last = b.points.last().map(|p| p.value).unwrap_or(b.from);
    let mut desc = format!(
        "Burn-up of {}: from {} to {}{unit} between {} and {}; latest {}",
        b.id,
        number(b.from),
        number(b.to),
        b.start,
        b.end,
        number(last)
    );
    if let Some(fc) = forecast {
        let _ = write!(desc, "; forecast {} by {}", number(fc.value), b.end);
    }
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{d}"><title>{d}</title>"#,
        d = esc(&desc)
    );
    axes(
        &mut s,
        &f,
        b.start,
        b.end,
        &[(b.from, "start"), (b.to, "target")],
    );
    // Expected: the straight line from start to target.
    let _ = write!(
        s,
        r#"<line class="s-expected" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
        f.x(0.0),
        f.y(b.from),
        f.x(days),
        f.y(b.to)
    );
    // Actual: from the start value through each dated value.
    let mut path = format!("M{:.1},{:.1}", f.x(0.0), f.y(b.from));
    for p in &b.points {
        let _ = write!(path, " L{:.1},{:.1}", f.x(day(p.date)), f.y(p.value));
    }
    let _ = write!(s, r#"<path class="s-actual" d="{path}"/>"#);
    for p in &b.points {
        let _ = write!(
            s,
            r#"<circle class="dot" cx="{:.1}" cy="{:.1}" r="3.5"><title>{}: {}</title></circle>"#,
            f.x(day(p.date)),
            f.y(p.value),
            p.date,
            esc(&number(p.value))
        );
    }
    let today = day(as_of).clamp(0.0, days);
    if let Some(fc) = forecast {
        let from_day = b.points.last().map(|p| day(p.date)).unwrap_or(today);
        let from_day = if b.points.is_empty() { today } else { from_day };
        let _ = write!(
            s,
            r#"<line class="s-forecast" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/><circle class="dot-forecast" cx="{:.1}" cy="{:.1}" r="4"/>"#,
            f.x(from_day),
            f.y(last),
            f.x(days),
            f.y(fc.value),
            f.x(days),
            f.y(fc.value)
        );
    }
    let _ = write!(
        s,
        r#"<line class="today" x1="{x:.1}" y1="{t}" x2="{x:.1}" y2="{b}"/><text class="lbl" x="{x:.1}" y="{ty}" text-anchor="middle">as of {as_of}</text>"#,
        x = f.x(today),
        t = TOP,
        b = H - BOTTOM,
        ty = TOP - 6.0,
    );
    let actual = if b.unit.as_deref() == Some("points") && b.from == 0.0 {
        "done points"
    } else {
        "check-ins"
    };
    legend(&mut s, actual, forecast.is_some());
    s.push_str("</svg>");
    s
}

/// The trend of untraced % and lagging share % over the points of `t`.
pub fn trend(t: &Trend) -> String {
    let n = t.points.len();
    let (Some(first), Some(last)) = (t.points.first(), t.points.last()) else {
        return String::new();
    };
    let hi = t
        .points
        .iter()
        .flat_map(|p| [p.untraced_percent, p.lagging_share_percent])
        .flatten()
        .fold(10.0f64, f64::max);
    let hi = (hi / 10.0).ceil() * 10.0;
    let f = Frame {
        days: days_between(first.date, last.date) as f64,
        lo: 0.0,
        hi,
    };
    let desc = format!(
        "Untraced work went from {} to {} and the lagging share from {} to {} between {} and {} ({} points)",
        pct(first.untraced_percent),
        pct(last.untraced_percent),
        pct(first.lagging_share_percent),
        pct(last.lagging_share_percent),
        first.date,
        last.date,
        n
    );
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{d}"><title>{d}</title>"#,
        d = esc(&desc)
    );
    axes(
        &mut s,
        &f,
        first.date,
        last.date,
        &[(0.0, ""), (hi / 2.0, ""), (hi, "")],
    );
    // End labels sit above their line's last point, moved apart when the
    // two lines end close together.
    // A share of nothing sits its label at the baseline.
    let (last_u, last_l) = (
        last.untraced_percent.unwrap_or(0.0),
        last.lagging_share_percent.unwrap_or(0.0),
    );
    let mut label_y = [f.y(last_u) - 6.0, f.y(last_l) - 6.0];
    if (label_y[0] - label_y[1]).abs() < 14.0 {
        let mid = (label_y[0] + label_y[1]) / 2.0;
        let (a, b) = if last_u >= last_l {
            (mid - 7.0, mid + 7.0)
        } else {
            (mid + 7.0, mid - 7.0)
        };
        label_y = [a.max(TOP + 10.0), b.max(TOP + 10.0)];
        if (label_y[0] - label_y[1]).abs() < 14.0 {
            label_y[1] = label_y[0] + 14.0;
        }
    }
    for (n, (class, name, get)) in [
        (
            "s-untraced",
            "untraced %",
            (|p: &crate::trend::Point| p.untraced_percent)
                as fn(&crate::trend::Point) -> Option<f64>,
        ),
        ("s-lagging", "lagging share %", |p| p.lagging_share_percent),
    ]
    .into_iter()
    .enumerate()
    {
        // A point that measures nothing breaks the line: no made-up 0.
        let mut path = String::new();
        let mut pen_down = false;
        for p in &t.points {
            let Some(v) = get(p) else {
                pen_down = false;
                continue;
            };
            let _ = write!(
                path,
                "{}{:.1},{:.1}",
                match (pen_down, path.is_empty()) {
                    (true, _) => " L",
                    (false, true) => "M",
                    (false, false) => " M",
                },
                f.x(days_between(first.date, p.date) as f64),
                f.y(v)
            );
            pen_down = true;
        }
        let _ = write!(s, r#"<path class="{class}" d="{path}"/>"#);
        let _ = write!(
            s,
            r#"<text class="lbl end-{class}" x="{:.1}" y="{:.1}" text-anchor="end">{name} {}</text>"#,
            W - RIGHT,
            label_y[n],
            get(last).map_or("—".to_string(), |v| format!("{v:.1}"))
        );
    }
    s.push_str("</svg>");
    s
}

/// A percentage with one decimal, "—" for a share of nothing.
fn pct(x: Option<f64>) -> String {
    x.map_or("—".to_string(), |x| format!("{x:.1}%"))
}

/// A load bar: `percent` of capacity, a rule at 100%.
pub fn load_bar(percent: Option<f64>, over: bool) -> String {
    let Some(p) = percent else {
        return String::new();
    };
    // The bar spans 0–150%, so overload shows beyond the rule.
    let w = (p / 150.0).clamp(0.0, 1.0) * 120.0;
    format!(
        concat!(
            r#"<svg class="load" viewBox="0 0 120 12" preserveAspectRatio="none" aria-hidden="true">"#,
            r#"<rect class="bar-bg" x="0" y="1" width="120" height="10" rx="2"/>"#,
            r#"<rect class="fill {c}" x="0" y="1" width="{w:.1}" height="10" rx="2"/>"#,
            r#"<rect class="expected" x="79" y="0" width="2" height="12"/></svg>"#
        ),
        c = if over { "off_track" } else { "on_track" },
        w = w,
    )
}

fn axes(s: &mut String, f: &Frame, start: Date, end: Date, ticks: &[(f64, &str)]) {
    let (x0, x1, y0, y1) = (LEFT, W - RIGHT, TOP, H - BOTTOM);
    let _ = write!(
        s,
        r#"<line class="axis" x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}"/><line class="axis" x1="{x0}" y1="{y0}" x2="{x0}" y2="{y1}"/>"#
    );
    let _ = write!(
        s,
        r#"<text class="lbl" x="{x0}" y="{}" text-anchor="start">{start}</text><text class="lbl" x="{x1}" y="{}" text-anchor="end">{end}</text>"#,
        y1 + 18.0,
        y1 + 18.0
    );
    for (v, name) in ticks {
        let y = f.y(*v);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{x0}" y1="{y:.1}" x2="{x1}" y2="{y:.1}"/><text class="lbl" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            x0 - 6.0,
            y + 4.0,
            esc(&number(*v))
        );
        if !name.is_empty() {
            let _ = write!(
                s,
                r#"<text class="lbl tick-name" x="{}" y="{:.1}" text-anchor="start">{name}</text>"#,
                x0 + 4.0,
                y - 4.0
            );
        }
    }
}

fn legend(s: &mut String, actual: &str, forecast: bool) {
    let y = H - 6.0;
    let mut x = LEFT;
    let mut item = |class: &str, name: &str, s: &mut String| {
        let _ = write!(
            s,
            r#"<line class="{class}" x1="{x}" y1="{:.1}" x2="{}" y2="{:.1}"/><text class="lbl" x="{}" y="{y}">{name}</text>"#,
            y - 4.0,
            x + 22.0,
            y - 4.0,
            x + 28.0
        );
        x += 44.0 + name.len() as f64 * 9.0;
    };
    item("s-actual", actual, s);
    item("s-expected", "expected", s);
    if forecast {
        item("s-forecast", "forecast", s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<b>\"x\" & 'y'\u{1b}"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;\\u{1b}"
        );
    }

    #[test]
    fn bar_marks_expected_and_says_it() {
        let svg = progress_bar(Some(0.35), 0.46, "at_risk");
        assert!(svg.contains(r#"width="70.0""#), "{svg}");
        assert!(svg.contains(r#"x="91.0""#), "{svg}");
        assert!(svg.contains("35% done against 46% expected"));
    }
}
