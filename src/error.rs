//! The command's failures, and the one place that maps them to exit codes.

use std::io;

use crate::api::{self, Resource, TransportError};
use crate::exit::ExitCode;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags or local input; nothing was sent.
    #[error("{0}")]
    Usage(String),
    /// What was asked for is not finished yet (a batch still running): a
    /// request was made, so not a usage error.
    #[error("{0}")]
    Unfinished(String),
    /// No API key or token.
    #[error(
        "no API key: set ANTHROPIC_API_KEY or ANTHROPIC_API_KEY_FILE (or ANTHROPIC_AUTH_TOKEN \
         for a bearer token), pass --api-key, or set api_key_command in the config file"
    )]
    MissingKey,
    /// A key source (key file, api_key_command) gave no key.
    #[error("{0}")]
    Credential(String),
    /// The API call failed.
    #[error(transparent)]
    Api(#[from] api::Error),
    /// A call about one stored file failed: the line names the file.
    #[error("{id}: {source}")]
    File { id: String, source: Box<api::Error> },
    /// A call about one batch failed: the line names the batch.
    #[error("{id}: {source}")]
    Batch { id: String, source: Box<api::Error> },
    /// A spending limit is reached (`--max-cost`, or the daily budget), or
    /// today's spending cannot be read; nothing more was sent.
    #[error("{0}")]
    Budget(String),
    /// Writing the answer failed.
    #[error("cannot write output: {0}")]
    Output(#[source] io::Error),
    /// Anything else: a bug or an environment we cannot work in.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// True when stdout was closed under us (`claude ask … | head -1`):
    /// the reader has what it wanted, so this ends quietly.
    pub fn is_closed_stdout(&self) -> bool {
        let io = match self {
            Error::Output(error) | Error::Api(api::Error::Output(error)) => error,
            Error::File { source, .. } | Error::Batch { source, .. } => match source.as_ref() {
                api::Error::Output(error) => error,
                _ => return false,
            },
            _ => return false,
        };
        io.kind() == io::ErrorKind::BrokenPipe
    }

    /// The exit code for this failure: the contract's table.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Usage(_) => ExitCode::Usage,
            Error::Unfinished(_) => ExitCode::Unfinished,
            Error::MissingKey | Error::Credential(_) => ExitCode::Auth,
            Error::Budget(_) => ExitCode::BudgetReached,
            Error::Output(_) | Error::Internal(_) => ExitCode::Internal,
            Error::Api(error) => api_exit_code(error),
            Error::File { source, .. } | Error::Batch { source, .. } => api_exit_code(source),
        }
    }

    /// The one line a failure is reported with (after `claude: `).
    pub fn line(&self) -> String {
        match self.hint() {
            Some(hint) => format!("error: {self}; {hint}"),
            None => format!("error: {self}"),
        }
    }

    /// A short suggestion for the user, when one helps.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::File { source, .. } => file_hint(source)
                .map(str::to_owned)
                .or_else(|| api_hint(source)),
            Error::Batch { source, .. } => api_hint(source),
            Error::Api(error) => api_hint(error),
            _ => None,
        }
    }

    /// A failed call about batch `id`, named by it (a failure of another
    /// kind, such as Ctrl-C, is left as it is).
    pub fn about_batch(id: &str, error: api::Error) -> Error {
        match error {
            api::Error::Status(_) | api::Error::WaitTooLong { .. } => Error::Batch {
                id: api::one_line(id),
                source: Box::new(error),
            },
            other => Error::Api(other),
        }
    }
}

/// What set the base URL (`--base-url`, `ANTHROPIC_BASE_URL`), for the
/// hints that say to check it; unset, it is the built-in one, and the
/// hints do not mention it. Set once, when the connection is resolved.
static BASE_URL_SETTING: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Records what set the base URL, for the hints.
pub fn name_base_url_setting(name: &'static str) {
    let _ = BASE_URL_SETTING.set(name);
}

/// ` and --base-url` (or the variable), or nothing for the built-in URL.
fn and_the_base_url() -> String {
    BASE_URL_SETTING
        .get()
        .map(|name| format!(" and {name}"))
        .unwrap_or_default()
}

/// The exit code for a failed API call: the contract's table.
pub fn api_exit_code(error: &api::Error) -> ExitCode {
    match error {
        api::Error::Status(e) => status_exit_code(e.status),
        api::Error::WaitTooLong { error, .. } => status_exit_code(error.status),
        api::Error::StreamEvent { .. }
        | api::Error::Protocol { .. }
        | api::Error::TooLarge { .. } => ExitCode::Server,
        api::Error::Interrupted { .. } => ExitCode::for_signal(
            crate::interrupt::received().unwrap_or(crate::interrupt::Signal::Interrupt),
        ),
        api::Error::Transport(TransportError::ProxyAuth(_)) => ExitCode::Auth,
        api::Error::Transport(_) => ExitCode::Network,
        api::Error::Build(_) => ExitCode::Usage,
        api::Error::Output(_) => ExitCode::Internal,
    }
}

fn api_hint(error: &api::Error) -> Option<String> {
    let fixed = |text: &str| Some(text.to_owned());
    match error {
        api::Error::WaitTooLong { .. } => {
            fixed("that is longer than --max-retry-wait; try again later or raise it")
        }
        api::Error::Transport(TransportError::Timeout(_)) => {
            fixed("raise --timeout for a slower server")
        }
        api::Error::Transport(TransportError::Deadline(_)) => {
            fixed("raise --max-time for a longer reply")
        }
        api::Error::Transport(TransportError::Certificate(_)) => fixed(
            "a server or proxy with a certificate authority of its own needs it trusted: \
             point SSL_CERT_FILE at a PEM file that holds it (or SSL_CERT_DIR at a \
             directory of them); not retried",
        ),
        api::Error::Transport(TransportError::NotTls(_)) => fixed("not retried"),
        api::Error::Transport(TransportError::ProxyAuth(_)) => {
            fixed("put the proxy's credentials in its URL: http://USER:PASSWORD@HOST:PORT")
        }
        api::Error::Transport(TransportError::Proxy { variable, .. }) => Some(format!(
            "check the proxy that {variable} names, or list the host in NO_PROXY to reach it \
             directly"
        )),
        api::Error::Transport(TransportError::Connect(_)) => {
            Some(format!("check your network{}", and_the_base_url()))
        }
        api::Error::StreamEvent { .. } => server_trouble_hint(error),
        api::Error::Status(status) => match status.status {
            300..=399 => Some(format!(
                "claude does not follow redirects; check the base URL{}",
                BASE_URL_SETTING
                    .get()
                    .map(|name| format!(" ({name})"))
                    .unwrap_or_default()
            )),
            401 => fixed("check ANTHROPIC_API_KEY (or --api-key)"),
            407 => fixed(
                "the proxy asked for credentials: put them in its URL, \
                 http://USER:PASSWORD@HOST:PORT",
            ),
            403 => fixed("the key lacks permission for this model or feature"),
            402 => fixed(
                "the organization is out of credit or has no payment method: see Plans & \
                 Billing in the Claude Console",
            ),
            404 => Some(not_found_hint(status.resource)),
            413 => fixed("the request is over the API's size limit (32 MB)"),
            429 => fixed("try again later, or raise --max-retries"),
            500.. => server_trouble_hint(error),
            _ => None,
        },
        _ => None,
    }
}

/// What an overloaded or failing API means for the user: it is not their
/// request, it was already retried, and later may work.
fn server_trouble_hint(error: &api::Error) -> Option<String> {
    let status = error.status()?;
    let what = match status {
        529 => "the API is overloaded",
        500.. => "the API is failing on its side",
        _ => return None,
    };
    let retried = match error.retries() {
        0 => String::new(),
        1 => " (retried once)".to_owned(),
        n => format!(" (retried {n} times)"),
    };
    // An error event may come after text was printed, when no retry is
    // made: more retries would not help.
    let or_retry = match error {
        api::Error::StreamEvent { .. } => "",
        _ => ", or raise --max-retries",
    };
    Some(format!("{what}{retried}: try again later{or_retry}"))
}

/// What to do about a failed call on one stored file.
fn file_hint(error: &api::Error) -> Option<&'static str> {
    let api::Error::Status(error) = error else {
        return None;
    };
    match (error.code.as_deref(), error.status) {
        (Some("file_not_downloadable"), _) => Some(
            "only files made by a tool (such as code execution) can be downloaded, not \
             uploaded ones",
        ),
        (Some("file_expired"), _) => Some("the file has expired; upload it again"),
        (_, 404) => Some("claude files list shows the stored files"),
        _ => None,
    }
}

/// What a 404 means, from what the request was about: the id it names was
/// not found, or (for a message) the model or the base URL is wrong.
fn not_found_hint(resource: Resource) -> String {
    match resource {
        Resource::Batch => "check the batch id (claude batch list shows recent ones)".to_owned(),
        Resource::File => "check the file id".to_owned(),
        Resource::Model => "check the model id (claude models lists them)".to_owned(),
        Resource::Message => format!(
            "check the model id (claude models lists them){}",
            and_the_base_url()
        ),
    }
}

/// HTTP status → exit code. 408 and 409 are retried like server trouble, so
/// when retries run out they keep the "try again later" family.
fn status_exit_code(status: u16) -> ExitCode {
    match status {
        // 407: the proxy's, not the API's, but a credential all the same.
        401 | 403 | 407 => ExitCode::Auth,
        408 => ExitCode::Network,
        409 => ExitCode::Server,
        429 => ExitCode::RateLimited,
        500.. => ExitCode::Server,
        _ => ExitCode::Rejected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;

    fn status(code: u16) -> Error {
        Error::Api(api::Error::Status(ApiError {
            status: code,
            kind: None,
            code: None,
            message: String::new(),
            request_id: None,
            retryable: false,
            server_wait: None,
            resource: Resource::default(),
            retries: 0,
        }))
    }

    #[test]
    fn a_404_s_hint_names_what_was_not_found() {
        let not_found = |path: &str| {
            let Error::Api(api::Error::Status(mut error)) = status(404) else {
                unreachable!()
            };
            error.resource = Resource::of_path(path);
            Error::Api(api::Error::Status(error)).line()
        };
        assert!(
            not_found("/v1/messages/batches/msgbatch_x/results").contains("check the batch id")
        );
        assert!(not_found("/v1/files/file_x").contains("check the file id"));
        assert!(not_found("/v1/models/claude-x").contains("check the model id"));
        assert!(not_found("/proxy/v1/messages").contains("check the model id"));
        assert!(!not_found("/v1/messages/batches/x").contains("model id"));
        assert!(status(402).line().contains("Plans & Billing"));
    }

    #[test]
    fn statuses_map_to_the_contract() {
        let table = [
            (400, 7),
            (401, 6),
            (407, 6),
            (402, 7),
            (403, 6),
            (404, 7),
            (408, 10),
            (409, 9),
            (413, 7),
            (422, 7),
            (429, 8),
            (500, 9),
            (503, 9),
            (529, 9),
        ];
        for (code, exit) in table {
            assert_eq!(status(code).exit_code().code(), exit, "{code}");
        }
    }

    #[test]
    fn broken_pipes_are_quiet() {
        let closed = Error::Output(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(closed.is_closed_stdout());
        assert!(!Error::Output(io::Error::other("disk full")).is_closed_stdout());
    }
}
