//! `claude files`: the Files API (upload, list, info, download, delete)
//! and the local upload cache that `--upload` reuses (list --cached,
//! forget). A stored file's content is written only where `download` is
//! told to, and never as binary to a terminal. The files code execution
//! writes are saved the same way (`outputs`).

pub mod outputs;

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::api::{self, Client, Observer};
use crate::cli::{
    FileIdArgs, FilesAction, FilesArgs, FilesDeleteArgs, FilesDownloadArgs, FilesForgetArgs,
    FilesListArgs, FilesUploadArgs,
};
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::local;
use crate::log::StderrLog;
use crate::output::{self, FileList};
use crate::settings::{self, Connection, LogLevel, Terminal};
use crate::uploads::Uploader;
use crate::uploads::cache::Cache;

/// Files per page: the API's maximum.
const PAGE_SIZE: u32 = 1000;
/// Pages followed before giving up: 100,000 files (pages hold at most
/// `api::caps::PAGE_ITEMS`).
const MAX_PAGES: usize = 100;

pub fn run(args: FilesArgs, connection: &Connection, terminal: &Terminal) -> Result<ExitCode> {
    match args.action {
        FilesAction::List(FilesListArgs {
            cached: true,
            output,
        }) => return list_cached(settings::data_format(output), terminal),
        FilesAction::Forget(args) => return forget(args),
        _ => {}
    }
    connection.require_credential()?;
    let client = Client::new(connection.client_config())?;
    let log = StderrLog::new(connection.log, None);
    let files = Files {
        client: &client,
        log: &log,
        connection,
        terminal,
    };
    match args.action {
        FilesAction::Upload(args) => files.upload(args),
        FilesAction::List(args) => files.list(settings::data_format(args.output)),
        FilesAction::Info(args) => files.info(args),
        FilesAction::Delete(args) => files.delete(args),
        FilesAction::Download(args) => files.download(args),
        FilesAction::Forget(_) => unreachable!("handled above"),
    }
}

struct Files<'a> {
    client: &'a Client,
    log: &'a StderrLog,
    connection: &'a Connection,
    terminal: &'a Terminal,
}

impl Files<'_> {
    /// Every file is checked before the first is sent.
    fn upload(&self, args: FilesUploadArgs) -> Result<ExitCode> {
        let files = args
            .files
            .iter()
            .map(|path| local::from_path(path))
            .collect::<Result<Vec<_>>>()?;
        let uploader = Uploader::new(
            self.client,
            self.log,
            Cache::default_location(),
            self.connection.client.base_url.as_str(),
            self.terminal.stderr_styled && self.connection.log == LogLevel::Off,
        );
        let mut stdout = io::stdout().lock();
        for file in &files {
            let reply = uploader.upload(file, args.expires)?;
            match settings::data_format(args.output) {
                output::DataFormat::Json => {
                    output::print_json(&mut stdout, &reply.value, self.terminal.stdout)
                }
                output::DataFormat::Text => {
                    let id = api::types::FileInfo::from_json(&reply.value).id;
                    writeln!(stdout, "{}", api::one_line(&id)).and_then(|()| stdout.flush())
                }
            }
            .map_err(Error::Output)?;
        }
        Ok(ExitCode::Success)
    }

    /// Every page, printed as it arrives: one page is held at a time. A
    /// server whose pages do not move on is an error, not an endless loop.
    fn list(&self, format: output::DataFormat) -> Result<ExitCode> {
        let mut list = FileList::new(io::stdout().lock(), format, self.terminal.stdout);
        let mut seen = HashSet::new();
        let mut cursor = None;
        for _ in 0..MAX_PAGES {
            let page = self
                .client
                .list_files(cursor.as_ref(), PAGE_SIZE, self.log)?
                .value;
            list.page(&page.data).map_err(Error::Output)?;
            cursor = match page.next_cursor() {
                Some(next) if seen.insert(next.clone()) => Some(next),
                Some(_) => return Err(broken_pagination("a page named the same next page again")),
                None if page.says_more() => {
                    return Err(broken_pagination(
                        "a page said more followed but not where they start",
                    ));
                }
                None => {
                    list.finish().map_err(Error::Output)?;
                    return Ok(ExitCode::Success);
                }
            };
        }
        Err(broken_pagination(&format!(
            "still more after {MAX_PAGES} pages"
        )))
    }

    fn info(&self, args: FileIdArgs) -> Result<ExitCode> {
        let file = self
            .client
            .get_file(&args.id, self.log)
            .map_err(|e| about(&args.id, e))?
            .value;
        let mut stdout = io::stdout().lock();
        match settings::data_format(args.output) {
            output::DataFormat::Text => output::print_file(&mut stdout, &file),
            output::DataFormat::Json => {
                output::print_json(&mut stdout, &file, self.terminal.stdout)
            }
        }
        .map_err(Error::Output)?;
        Ok(ExitCode::Success)
    }

    /// Deletes each file, going on past a failure like `rm`; prints each
    /// deleted id, and drops it from the upload cache.
    fn delete(&self, args: FilesDeleteArgs) -> Result<ExitCode> {
        let mut stdout = io::stdout().lock();
        let mut failed = None;
        let mut deleted = Vec::new();
        for id in &args.ids {
            match self.client.delete_file(id, self.log) {
                Ok(_) => {
                    writeln!(stdout, "{}", api::one_line(id))
                        .and_then(|()| stdout.flush())
                        .map_err(Error::Output)?;
                    deleted.push(id.clone());
                }
                Err(error) => {
                    let error = about(id, error);
                    if let Some(earlier) = failed.replace(error) {
                        output::note(earlier.line());
                    }
                }
            }
        }
        if let Some(cache) = Cache::default_location()
            && !deleted.is_empty()
            && let Err(e) =
                cache.update(|entries| entries.retain(|e| !deleted.contains(&e.file_id)))
        {
            output::note(format!("warning: the upload cache still lists them: {e:#}"));
        }
        failed.map_or(Ok(ExitCode::Success), Err)
    }

    /// Streams the content to stdout or to a file. Binary content is not
    /// written to a terminal; a file is written under a temporary name and
    /// renamed when it is whole, so a failed download leaves nothing.
    fn download(&self, args: FilesDownloadArgs) -> Result<ExitCode> {
        let id = args.id.as_str();
        match args.output.filter(|path| path.as_os_str() != "-") {
            Some(path) => self.download_to(id, &path),
            None => {
                if self.terminal.stdout {
                    let file = self
                        .client
                        .get_file(id, self.log)
                        .map_err(|e| about(id, e))?;
                    let info = api::types::FileInfo::from_json(&file.value);
                    if !is_text(info.mime_type.as_deref()) {
                        return Err(Error::Usage(format!(
                            "{id} is {}, which is not written to a terminal; pass -o PATH to \
                             save it, or pipe it",
                            api::one_line(info.mime_type.as_deref().unwrap_or("of no known type"))
                        )));
                    }
                }
                let mut stdout = io::stdout().lock();
                self.client
                    .download_file(id, &mut stdout, self.log)
                    .map_err(|e| about(id, e))?;
                Ok(ExitCode::Success)
            }
        }
    }

    fn download_to(&self, id: &str, path: &Path) -> Result<ExitCode> {
        download_to(self.client, id, path, self.log).map(|()| ExitCode::Success)
    }
}

/// Writes stored file `id` to `path`: into a partial file beside it,
/// renamed when it is whole, so a failed download leaves nothing.
fn download_to(client: &Client, id: &str, path: &Path, log: &dyn Observer) -> Result<()> {
    let partial = partial_path(path);
    let mut file = std::fs::File::create(&partial)
        .map_err(|e| Error::Usage(format!("{}: {e}", partial.display())))?;
    let written = client
        .download_file(id, &mut file, log)
        .map_err(|e| about(id, e))
        .and_then(|_| file.sync_all().map_err(Error::Output))
        .and_then(|()| std::fs::rename(&partial, path).map_err(Error::Output));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// `list --cached`: the upload cache, which needs no key.
fn list_cached(format: output::DataFormat, terminal: &Terminal) -> Result<ExitCode> {
    let entries = match Cache::default_location() {
        Some(cache) => cache.entries()?,
        None => Vec::new(),
    };
    let mut stdout = io::stdout().lock();
    match format {
        output::DataFormat::Text => output::print_cache_entries(&mut stdout, &entries),
        output::DataFormat::Json => {
            let value = serde_json::to_value(&entries).map_err(|e| Error::Internal(e.into()))?;
            output::print_json(&mut stdout, &value, terminal.stdout)
        }
    }
    .map_err(Error::Output)?;
    Ok(ExitCode::Success)
}

/// `forget`: drops cache entries; the stored files stay.
fn forget(args: FilesForgetArgs) -> Result<ExitCode> {
    let cache = Cache::default_location().ok_or_else(|| {
        Error::Usage("there is no upload cache: set XDG_CACHE_HOME or HOME".into())
    })?;
    let unknown = cache.update(|entries| {
        if args.all {
            entries.clear();
            return Vec::new();
        }
        let unknown: Vec<String> = args
            .ids
            .iter()
            .filter(|id| !entries.iter().any(|e| &e.file_id == *id))
            .cloned()
            .collect();
        entries.retain(|e| !args.ids.contains(&e.file_id));
        unknown
    })?;
    match unknown.as_slice() {
        [] => Ok(ExitCode::Success),
        ids => Err(Error::Usage(format!(
            "not in the upload cache: {}; claude files list --cached shows what is",
            api::one_line(&ids.join(", "))
        ))),
    }
}

/// A failed call about one file, named by its id.
fn about(id: &str, error: api::Error) -> Error {
    Error::File {
        id: api::one_line(id),
        source: Box::new(error),
    }
}

/// Content types safe to print: text, and JSON or XML, which are text.
fn is_text(mime: Option<&str>) -> bool {
    let Some(mime) = mime else { return false };
    let mime = mime.to_ascii_lowercase();
    let essence = mime.split(';').next().unwrap_or_default().trim();
    essence.starts_with("text/")
        || matches!(essence, "application/json" | "application/xml")
        || essence.ends_with("+json")
        || essence.ends_with("+xml")
}

/// `.NAME.part-PID` beside the target, so the rename stays on one disk.
fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "download".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.part-{}", std::process::id()))
}

fn broken_pagination(detail: &str) -> Error {
    Error::Api(api::Error::Protocol {
        detail: format!("the file list's pagination is broken: {detail}"),
        request_id: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_types_reach_a_terminal() {
        for mime in [
            "text/plain",
            "text/csv; charset=utf-8",
            "application/json",
            "image/svg+xml",
        ] {
            assert!(is_text(Some(mime)), "{mime}");
        }
        for mime in ["application/pdf", "image/png", "application/octet-stream"] {
            assert!(!is_text(Some(mime)), "{mime}");
        }
        assert!(!is_text(None));
    }

    #[test]
    fn partial_files_sit_beside_the_target() {
        let partial = partial_path(Path::new("/tmp/out/chart.png"));
        assert_eq!(partial.parent(), Some(Path::new("/tmp/out")));
        assert!(
            partial
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".chart.png.part-")
        );
    }
}
