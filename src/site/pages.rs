//! The site's pages: one askama template per page (`templates/index.html`,
//! `templates/objective.html`, sharing `templates/base.html` and its inline
//! `style.css`), each filled from [`SiteData`] through the rows of
//! [`super::view`]. askama escapes every value as HTML; only the SVG from
//! [`super::charts`], which escapes its own text, is marked safe.

use askama::Template;

use super::SiteData;
use super::view::{
    CapacityView, Headline, KrRow, ObjectiveRow, SignalRow, TrendView, capacity_view, headline,
    objective_rows, signal_rows, trend_view,
};
use crate::error::Fatal;

/// One file of the site: its path under the site folder and its text.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage<'a> {
    title: &'a str,
    generator: &'a str,
    /// The path from this page to the site's top folder.
    up: &'a str,
    head: Headline,
    objectives: Vec<ObjectiveRow>,
    signals: Vec<SignalRow>,
    trend: Option<TrendView>,
    git: bool,
    capacity: CapacityView,
    /// "No KR is active in …; KRs exist for …" (SPEC §8).
    empty_window: Option<super::view::Num>,
    /// The files that could not be read, so the page never passes for
    /// the whole picture when it is not (SPEC §8).
    unreadable: Vec<Unreadable>,
}

/// One file that could not be read, as the front page names it.
struct Unreadable {
    path: super::view::Num,
    line: super::view::Num,
    message: super::view::Num,
}

#[derive(Template)]
#[template(path = "objective.html")]
struct ObjectivePage<'a> {
    title: &'a str,
    generator: &'a str,
    up: &'a str,
    head: Headline,
    objective: ObjectiveRow,
    krs: Vec<(KrRow, String, Vec<TaskRow>)>,
}

/// One traced task on an objective page.
struct TaskRow {
    id: super::view::Num,
    title: super::view::Num,
    owner: Option<super::view::Num>,
    status: String,
    estimate: super::view::Num,
    due: Option<super::view::Num>,
}

/// A file name for an objective's page: its id, with anything but
/// letters, digits, `-`, `_` and `.` replaced (ids are checked by AL008,
/// but a page name must be safe whatever the files say).
pub fn page_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}.html", safe.trim_start_matches('.'))
}

/// Renders every page of the site and `data.json`.
pub fn render(d: &SiteData, capacity_configured: bool) -> Result<Vec<Page>, Fatal> {
    let generator = d.generator.as_str();
    let mut objectives = objective_rows(d);
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    for o in &mut objectives {
        let mut name = page_name(&o.id.text);
        let mut n = 2;
        while used.contains(&name) {
            name = format!("{}-{n}.html", name.trim_end_matches(".html"));
            n += 1;
        }
        used.insert(name.clone());
        o.href = format!("objectives/{name}");
    }
    let fail = |e: askama::Error| Fatal::io("site", e);
    let mut pages = Vec::with_capacity(objectives.len() + 2);
    for o in &objectives {
        let krs = o
            .krs
            .iter()
            .map(|k| {
                let at = k.at;
                let chart = super::charts::burnup(
                    &d.burnups[at],
                    d.audit.krs[at].forecast.as_ref(),
                    d.as_of,
                );
                let tasks = d.work[at]
                    .tasks
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let p = |key: &str| format!("/work/{at}/tasks/{i}/{key}");
                        TaskRow {
                            id: text(p("id"), &t.id),
                            title: text(p("title"), &t.title),
                            owner: t.owner.as_ref().map(|o| text(p("owner"), o)),
                            status: t.status.clone(),
                            estimate: super::view::Num {
                                text: crate::audit::forecast::number(t.estimate),
                                ptr: p("estimate"),
                                fmt: "num",
                            },
                            due: t.due.as_ref().map(|due| text(p("due"), due)),
                        }
                    })
                    .collect();
                (k.clone(), chart, tasks)
            })
            .collect();
        let page = ObjectivePage {
            title: &d.title,
            generator,
            up: "../",
            head: headline(d),
            objective: o.clone(),
            krs,
        };
        pages.push(Page {
            path: o.href.clone(),
            text: page.render().map_err(fail)?,
        });
    }
    let index = IndexPage {
        title: &d.title,
        generator,
        up: "",
        head: headline(d),
        objectives,
        signals: signal_rows(d),
        trend: trend_view(d),
        git: d.trend.is_some(),
        capacity: capacity_view(d, capacity_configured),
        empty_window: d
            .audit
            .empty_window
            .as_ref()
            .map(|e| text("/audit/empty_window/message".into(), &e.message)),
        unreadable: d
            .audit
            .input
            .unreadable
            .iter()
            .enumerate()
            .map(|(i, u)| {
                let p = |key: &str| format!("/audit/input/unreadable/{i}/{key}");
                Unreadable {
                    path: text(p("path"), &u.path),
                    line: super::view::Num {
                        text: u.line.to_string(),
                        ptr: p("line"),
                        fmt: "int",
                    },
                    message: text(p("message"), &u.message),
                }
            })
            .collect(),
    };
    pages.insert(
        0,
        Page {
            path: "index.html".into(),
            text: index.render().map_err(fail)?,
        },
    );
    pages.push(Page {
        path: "data.json".into(),
        // Compact: at 100,000 items the pretty form is twice the bytes.
        text: serde_json::to_string(d).map_err(|e| Fatal::io("data.json", e))? + "\n",
    });
    Ok(pages)
}

fn text(ptr: String, v: &str) -> super::view::Num {
    super::view::Num {
        text: v.to_string(),
        ptr,
        fmt: "text",
    }
}

#[cfg(test)]
mod tests {
    use super::page_name;

    #[test]
    fn page_names_are_safe_file_names() {
        assert_eq!(page_name("O-1"), "O-1.html");
        assert_eq!(page_name("O.1_a"), "O.1_a.html");
        assert_eq!(page_name("../../etc/passwd"), "_.._etc_passwd.html");
        assert_eq!(page_name("a b/c"), "a_b_c.html");
    }
}
