//! `align set`, `done` and `checkin`: which fields of which item changed,
//! in which file.

use crate::text::escape;

/// The change as one human line, or as JSON when `json`.
pub fn changed(json: bool, id: &str, path: &str, fields: &[&str]) -> String {
    if json {
        return super::json::compact(
            &serde_json::json!({"id": id, "path": path, "changed": fields}),
        );
    }
    let (id, path) = (escape(id), escape(path));
    if fields == ["checkins"] {
        return format!("{id}: added a check-in in {path}\n");
    }
    let names: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
    format!("{id}: set {} in {path}\n", names.join(", "))
}
