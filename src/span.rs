//! Byte spans into a file's text and their translation into the 1-based
//! line and column numbers every finding carries (SPEC §5).

/// A half-open byte range `start..end` into one file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The same span moved `by` bytes later (front-matter to file offsets).
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Line starts of a text, so offsets become line and column in `O(log n)`.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// How many lines the text has (a text without a newline has one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line of byte `offset`, in `O(log n)`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where 0-based `line` starts (the text's end past the
    /// last line).
    pub fn start_of(&self, line: usize) -> usize {
        self.starts
            .get(line)
            .or(self.starts.last())
            .copied()
            .unwrap_or(0)
    }

    /// 1-based line and column (in characters) of byte `offset` in `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        // An index of no text (a file that could not be read) has no line
        // starts: everything is at 1:1 rather than a panic.
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(offset - start);
        (line, col + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one() {
        let text = "ab\ncé d\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // `d` is after a two-byte character: column counts characters.
        assert_eq!(idx.line_col(text, 7), (2, 4));
    }

    #[test]
    fn lines_of_offsets_and_back() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line_of(0), 0);
        assert_eq!(idx.line_of(2), 0);
        assert_eq!(idx.line_of(3), 1);
        assert_eq!(idx.line_of(7), 3);
        assert_eq!(idx.start_of(1), 3);
        assert_eq!(idx.start_of(3), 7);
        assert_eq!(idx.start_of(99), 7);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(LineIndex::default().line_of(5), 0);
    }

    #[test]
    fn the_default_index_of_an_unread_file_does_not_panic() {
        // Files that cannot be read (binary, not UTF-8, too large) carry the
        // default index and no text; their AL014 finding sits at 1:1.
        assert_eq!(LineIndex::default().line_col("", 0), (1, 1));
    }
}
