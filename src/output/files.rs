//! Stored files on screen: the list page by page, one file's metadata,
//! and the entries of the local upload cache. Only what
//! the API says about a file is shown, never its content.

use std::io::{self, Write};

use serde_json::Value;

use super::data::{DataFormat, JsonArrayWriter};
use crate::api::one_line;
use crate::api::types::FileInfo;
use crate::uploads::cache::Entry;

/// The list of stored files, printed as its pages arrive so that no more
/// than one page is ever held: one line per file (id, size in bytes, type,
/// created, expires or `never`, then the name, last as it may have spaces),
/// in columns aligned on the widest cells so far; or one JSON array.
pub struct FileList<W: Write> {
    out: W,
    format: DataFormat,
    json: JsonArrayWriter,
    widths: [usize; 5],
}

impl<W: Write> FileList<W> {
    pub fn new(out: W, format: DataFormat, pretty: bool) -> Self {
        FileList {
            out,
            format,
            json: JsonArrayWriter::new(pretty),
            widths: [0; 5],
        }
    }

    /// Prints one page.
    pub fn page(&mut self, files: &[Value]) -> io::Result<()> {
        if self.format == DataFormat::Json {
            for file in files {
                self.json.item(&mut self.out, file)?;
            }
            return self.out.flush();
        }
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
                    expiry(file.expires_at.as_deref()),
                    one_line(file.filename.as_deref().unwrap_or("")),
                ]
            })
            .collect();
        print_rows(&mut self.out, &rows, &mut self.widths)
    }

    /// Ends the list (the JSON array) after the last page.
    pub fn finish(mut self) -> io::Result<()> {
        match self.format {
            DataFormat::Json => self.json.finish(&mut self.out),
            DataFormat::Text => self.out.flush(),
        }
    }
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
        ("expires", expiry(file.expires_at.as_deref())),
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
                expiry(entry.expires_at.as_deref()),
                one_line(&entry.filename),
            ]
        })
        .collect();
    print_rows(out, &rows, &mut [0; 5])
}

/// Rows in columns at least `widths` wide, widened to fit these rows.
fn print_rows(
    out: &mut impl Write,
    rows: &[[String; 6]],
    widths: &mut [usize; 5],
) -> io::Result<()> {
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in rows {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(*widths) {
            line.push_str(&format!("{cell:width$}  "));
        }
        line.push_str(&row[5]);
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()
}

/// When a file expires: `never`, or the timestamp.
fn expiry(at: Option<&str>) -> String {
    at.map_or_else(|| "never".to_owned(), |at| timestamp(Some(at)))
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

    fn print_files(out: &mut Vec<u8>, files: &[Value]) -> io::Result<()> {
        let mut list = FileList::new(out, DataFormat::Text, false);
        list.page(files)?;
        list.finish()
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
