//! Byte offsets ↔ LSP positions, in one place. The library speaks byte
//! spans; LSP speaks 0-based lines and UTF-16 columns (the protocol's
//! default encoding, the only one every client supports), so every
//! conversion goes through [`LineMap`].

use lsp_types::{Position, Range};

use crate::span::Span;

/// Line starts of one text, for converting both ways.
pub struct LineMap<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineMap<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> LineMap<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineMap { text, starts }
    }

    /// The position of byte `offset` (clamped to the text, and moved back
    /// to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = self.text[start..offset].encode_utf16().count();
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of `pos`; a column past the end of its line is the
    /// line's end, a line past the end of the text is the text's end.
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            if units >= pos.character {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        start + line.len()
    }

    /// The range of a byte span.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The text of the line holding byte `offset`, and the line's start.
    pub fn line_at(&self, offset: usize) -> (usize, &'a str) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let rest = &self.text[start..];
        (start, &rest[..rest.find('\n').unwrap_or(rest.len())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        // `é` is one UTF-16 unit and two bytes; `𝄞` is two units and four bytes.
        let text = "ab\ncé𝄞d\n";
        let map = LineMap::new(text);
        assert_eq!(map.position(0), Position::new(0, 0));
        assert_eq!(map.position(3), Position::new(1, 0));
        let d = text.find('d').unwrap();
        assert_eq!(map.position(d), Position::new(1, 4));
        assert_eq!(map.offset(Position::new(1, 4)), d);
        // Inside a character: moved back to its start.
        assert_eq!(map.position(5), Position::new(1, 1));
        // Past the line's end: the line's end; past the text: its end.
        assert_eq!(map.offset(Position::new(0, 99)), 2);
        assert_eq!(map.offset(Position::new(9, 0)), text.len());
        assert_eq!(map.position(text.len()), Position::new(2, 0));
    }

    #[test]
    fn round_trips_every_boundary() {
        let text = "---\ntitle: naïve 💡 idea\nkr: KR-1\n---\n";
        let map = LineMap::new(text);
        for (i, _) in text.char_indices() {
            assert_eq!(map.offset(map.position(i)), i);
        }
        assert_eq!(
            map.line_at(text.find("KR-1").unwrap()),
            (text.find("kr:").unwrap(), "kr: KR-1")
        );
    }
}
