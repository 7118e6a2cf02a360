//! Stored files on screen: a page of the list as aligned columns, one
//! file's metadata, and the entries of the local upload cache. Only what
//! the API says about a file is shown, never its content.

use std::io::{self, Write};

use serde_json::Value;

use crate::api::one_line;
use crate::api::types::FileInfo;
use crate::uploads::cache::Entry;

/// One line per file: id, size in bytes, type, created, expires (`never`
/// when it does not), then the name (last, as it may have spaces). Each
/// page is aligned on its own, so a long list prints as it arrives.
pub fn print_files(out: &mut impl Write, files: &[Value]) -> io::Result<()> {
    let rows: Vec<[String; 6]> = files
        .iter()
        .map(FileInfo::from_json)
        .map(|file| {
            [
                one_line(&file.id),
                file.size_bytes
                    .map_or_else(|| "?".to_owned(), |n| n.to_string()),
                one_line(file.mime_type.as_deref().unwrap_or("?")),
                timestamp(file.created_at.as_deref()),
                file.expires_at
                    .as_deref()
                    .map_or_else(|| "never".to_owned(), |at| timestamp(Some(at))),
                one_line(file.filename.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    print_rows(out, &rows)
}

/// One field per line, `name value`.
pub fn print_file(out: &mut impl Write, file: &Value) -> io::Result<()> {
    let file = FileInfo::from_json(file);
    let rows = [
        ("id", one_line(&file.id)),
        ("name", one_line(file.filename.as_deref().unwrap_or(""))),
        ("type", one_line(file.mime_type.as_deref().unwrap_or(""))),
        (
            "size",
            file.size_bytes.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("created", timestamp(file.created_at.as_deref())),
        (
            "expires",
            file.expires_at
                .as_deref()
                .map_or_else(|| "never".to_owned(), |at| timestamp(Some(at))),
        ),
        (
            "downloadable",
            file.downloadable
                .map(|d| if d { "yes" } else { "no" }.to_owned())
                .unwrap_or_default(),
        ),
    ];
    for (name, value) in rows {
        if !value.is_empty() {
            writeln!(out, "{name:<13}{value}")?;
        }
    }
    out.flush()
}

/// The cache's entries in the columns of [`print_files`], the newest last.
pub fn print_cache_entries(out: &mut impl Write, entries: &[Entry]) -> io::Result<()> {
    let rows: Vec<[String; 6]> = entries
        .iter()
        .map(|entry| {
            [
                one_line(&entry.file_id),
                entry.size.to_string(),
                one_line(&entry.mime_type),
                timestamp(entry.created_at.as_deref()),
                entry
                    .expires_at
                    .as_deref()
                    .map_or_else(|| "never".to_owned(), |at| timestamp(Some(at))),
                one_line(&entry.filename),
            ]
        })
        .collect();
    print_rows(out, &rows)
}

fn print_rows(out: &mut impl Write, rows: &[[String; 6]]) -> io::Result<()> {
    let mut widths = [0; 5];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            line.push_str(&format!("{cell:width$}  "));
        }
        line.push_str(&row[5]);
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()
}

/// An RFC 3339 timestamp to the second, as the API sent it otherwise:
/// `2026-11-22T01:34:07Z`.
fn timestamp(at: Option<&str>) -> String {
    let Some(at) = at else {
        return "?".to_owned();
    };
    let at = one_line(at);
    match (at.get(..19), at.ends_with('Z')) {
        (Some(seconds), true) => format!("{seconds}Z"),
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn files_are_columns_with_the_name_last() {
        let files = [
            json!({"id": "file_a", "filename": "big report.pdf", "mime_type": "application/pdf",
                   "size_bytes": 20971520, "created_at": "2026-11-22T01:34:07.123456Z",
                   "expires_at": null}),
            json!({"id": "file_bb", "filename": "x.png", "mime_type": "image/png",
                   "size_bytes": 9, "created_at": "2026-11-22T01:34:07Z",
                   "expires_at": "2026-11-23T01:34:07Z"}),
        ];
        assert_eq!(
            text(|out| print_files(out, &files)),
            "file_a   20971520  application/pdf  2026-11-22T01:34:07Z  never                 big report.pdf\n\
             file_bb  9         image/png        2026-11-22T01:34:07Z  2026-11-23T01:34:07Z  x.png\n"
        );
    }

    #[test]
    fn one_file_is_named_fields() {
        let file = json!({"id": "file_a", "type": "file", "filename": "a.csv", "mime_type": "text/csv",
                          "size_bytes": 3, "created_at": "2026-11-22T01:34:07Z", "downloadable": false});
        assert_eq!(
            text(|out| print_file(out, &file)),
            "id           file_a\nname         a.csv\ntype         text/csv\nsize         3\n\
             created      2026-11-22T01:34:07Z\nexpires      never\ndownloadable no\n"
        );
    }
}
