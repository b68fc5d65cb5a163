//! `align lint` end to end.

use crate::common::TestRepo;

#[test]
fn examples_lint_clean() {
    for name in ["marketing", "product"] {
        let repo = TestRepo::example(name);
        repo.align(&["lint"]).assert().success();
    }
}
