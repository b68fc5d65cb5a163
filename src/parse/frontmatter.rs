//! Splits a Markdown file into its YAML front-matter and body (SPEC §1):
//! a leading `---` line, the YAML, a closing `---` (or `...`) line. A UTF-8
//! byte-order mark and CRLF line ends are accepted and kept as they are.

use crate::span::Span;

/// Where the front-matter of a Markdown file lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatter {
    /// The YAML between the fences (from the line after the opening fence
    /// to the start of the closing fence line).
    pub yaml: Span,
    /// Where the body starts (the line after the closing fence).
    pub body: usize,
}

/// Why a file that opens a front-matter block cannot be read as one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed {
    /// The opening fence.
    pub open: Span,
}

/// Finds the front-matter of `text`: `Ok(None)` when the file has none
/// (it is not an item), `Err` when it opens one and never closes it.
pub fn split(text: &str) -> Result<Option<FrontMatter>, Unclosed> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineIter { text, at: bom };
    let Some((open_start, open_end, first_next)) = lines.next() else {
        return Ok(None);
    };
    if text[open_start..open_end].trim_end() != "---" {
        return Ok(None);
    }
    for (start, end, next) in lines {
        let line = text[start..end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Some(FrontMatter {
                yaml: Span::new(first_next, start),
                body: next,
            }));
        }
    }
    Err(Unclosed {
        open: Span::new(open_start, open_end),
    })
}

/// Iterates `(start, end_without_line_break, next_line_start)`.
struct LineIter<'a> {
    text: &'a str,
    at: usize,
}

impl Iterator for LineIter<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        let rest = &self.text[start..];
        let (end, next) = match rest.find('\n') {
            Some(p) => (start + p, start + p + 1),
            None => (self.text.len(), self.text.len()),
        };
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        self.at = next;
        Some((start, end, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_yaml_and_body() {
        let text = "---\nid: T-1\n---\nbody\n";
        let fm = split(text).unwrap().unwrap();
        assert_eq!(&text[fm.yaml.start..fm.yaml.end], "id: T-1\n");
        assert_eq!(&text[fm.body..], "body\n");
    }

    #[test]
    fn bom_and_crlf() {
        let text = "\u{feff}---\r\nid: T-1\r\n---\r\nbody";
        let fm = split(text).unwrap().unwrap();
        assert_eq!(&text[fm.yaml.start..fm.yaml.end], "id: T-1\r\n");
        assert_eq!(&text[fm.body..], "body");
    }

    #[test]
    fn no_front_matter_and_unclosed() {
        assert_eq!(split("# Title\n"), Ok(None));
        assert_eq!(split(""), Ok(None));
        assert!(split("---\nid: x\n").is_err());
        let empty = split("---\n---\n").unwrap().unwrap();
        assert!(empty.yaml.is_empty());
    }
}
