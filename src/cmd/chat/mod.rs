//! `claude chat`: a conversation in turns. On a terminal it is a REPL
//! (`repl`); with piped stdin or a PROMPT it sends one turn with the saved
//! history (`conversation`). Sessions are listed, shown and deleted here.

mod conversation;
mod repl;

use std::io::{self, Write};
use std::time::SystemTime;

use serde_json::json;

use crate::api::Client;
use crate::budget::CostCeiling;
use crate::cli::{ChatArgs, OutputFormat};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::output;
use crate::session::{self, Session, Store};
use crate::settings::{self, Connection, Terminal};

use conversation::Conversation;

pub fn run(
    mut args: ChatArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    super::split_attachments(&mut args.input, &mut args.prompt);
    let store = Store::default_location()?;
    if args.list {
        return list(
            &store,
            args.output.output.unwrap_or(OutputFormat::Text),
            terminal,
        );
    }
    if let Some(name) = &args.show {
        return show(
            &store,
            name,
            args.output.output.unwrap_or(OutputFormat::Text),
        );
    }
    if let Some(name) = &args.delete {
        store.delete(name)?;
        output::note(format!("deleted session {name}"));
        return Ok(ExitCode::Success);
    }

    let first_word = args.prompt.first().map(std::ffi::OsStr::new);
    let mut settings = super::request_settings(&args.request, first_word, connection, config)?;
    let ledger = super::ledger(&args.ledger, config)?;
    let output = settings::output_settings(&args.output, terminal, connection.log, config)?;
    let (name, saved) = match (&args.session, args.resume) {
        (Some(name), _) => {
            let saved = if store.exists(name)? {
                Some(store.load(name)?)
            } else {
                None
            };
            (name.clone(), saved)
        }
        (None, true) => {
            let name = store.latest()?.ok_or_else(|| {
                Error::Usage("no saved session to continue: start one with claude chat".into())
            })?;
            let saved = store.load(&name).map_err(|error| {
                Error::Usage(format!(
                    "{}; the most recent session cannot be continued: pick another with \
                     --session NAME (claude chat --list), or remove it with --delete {name}",
                    error.to_string().trim_start_matches("error: ")
                ))
            })?;
            (name, Some(saved))
        }
        (None, false) => (fresh_name(&store)?, None),
    };
    let session = match saved {
        Some(mut session) => {
            // Flags given now change the conversation from here on; the
            // ANTHROPIC_MODEL default does not switch a saved one.
            if args.model_on_command_line {
                session.model.clone_from(&settings.model);
            }
            if args.request.system.is_some() || args.request.system_file.is_some() {
                session.system.clone_from(&settings.system);
            }
            // A session offers the tools it was started with, unless tool
            // flags say otherwise; they are saved with the next turn.
            if !settings::tools_given(&args.request.tools) && !session.tools.is_empty() {
                settings.use_tools(session.tools.clone(), |name| std::env::var(name).ok());
            }
            session
        }
        None => Session::new(settings.model.clone(), settings.system.clone()),
    };

    // A resumed session offers the local tools it was started with,
    // unless -T names others.
    let specs = if args.local_tools.tools.is_empty() {
        &session.local_tools
    } else {
        &args.local_tools.tools
    };
    let tools = super::local_tools(specs, &args.local_tools, &settings, config, terminal)?;

    let interactive = terminal.stdin && args.prompt.is_empty() && !args.input.stdin.stdin;
    if !settings.dry_run {
        connection.require_credential()?;
        // Before the turn is paid for, not after.
        store.check_writable(&name)?;
    }
    let media = settings::media_options(&args.input.media, &session.model, config);
    let save_files = match &args.output.save_files {
        Some(dir) if !settings.dry_run => Some(super::files::outputs::prepare(dir)?),
        _ => None,
    };
    let mut conversation = Conversation {
        store,
        name,
        session,
        client: Client::new(connection.client_config())?,
        ledger,
        limits: settings::reply_limits(&args.turn, &settings, config),
        settings,
        compact: args.compact,
        replace_last: false,
        saved_last_turn: false,
        stdout_closed: false,
        save_files,
        tools,
        ceiling: CostCeiling::new(settings::max_cost(&args.turn, config)),
    };
    if interactive {
        if conversation.settings.dry_run {
            return Err(Error::Usage(
                "--dry-run needs a message: pipe one, or give it as PROMPT".into(),
            ));
        }
        return repl::run(
            conversation,
            (args.input.files, args.input.media.stored.file_ids),
            media,
            output,
            connection,
            terminal,
        );
    }

    let model = conversation.session.model.clone();
    let turn = super::assemble(args.prompt, args.input, terminal, &model, config)?;
    if conversation.settings.dry_run {
        return conversation.preview(turn.content, output, connection, terminal);
    }
    conversation.turn(turn, output, connection, terminal)
}

/// A name for a new session: the time, made unique.
fn fresh_name(store: &Store) -> Result<String> {
    let base = session::new_name(SystemTime::now(), std::process::id());
    let mut name = base.clone();
    let mut n = 2;
    while store.exists(&name)? {
        name = format!("{base}-{n}");
        n += 1;
    }
    Ok(name)
}

/// "1 turn", "2 turns".
fn turns(n: usize) -> String {
    if n == 1 {
        "1 turn".to_owned()
    } else {
        format!("{n} turns")
    }
}

fn list(store: &Store, format: OutputFormat, terminal: &Terminal) -> Result<ExitCode> {
    let mut rows = Vec::new();
    for entry in store.list()? {
        // A file that does not load is listed with what can be said of it.
        let session = store.load(&entry.name).ok();
        rows.push((entry, session));
    }
    if rows.is_empty() {
        output::note(format!("no saved sessions (in {})", store.dir().display()));
    }
    let mut stdout = io::stdout().lock();
    let written = if format == OutputFormat::Text {
        rows.iter().try_for_each(|(entry, session)| {
            let (exchanges, model) = match session {
                Some(s) => (turns(s.exchanges()), s.model.as_str()),
                None => ("? turns".to_owned(), "(unreadable)"),
            };
            writeln!(
                stdout,
                "{}\t{}\t{exchanges}\t{model}",
                entry.name,
                output::local_timestamp(entry.modified)
            )
        })
    } else {
        let list: Vec<_> = rows
            .iter()
            .map(|(entry, session)| {
                json!({
                    "name": entry.name,
                    "path": entry.path,
                    "updated": output::local_timestamp(entry.modified),
                    "turns": session.as_ref().map(Session::exchanges),
                    "model": session.as_ref().map(|s| s.model.as_str()),
                })
            })
            .collect();
        output::print_json(
            &mut stdout,
            &serde_json::Value::Array(list),
            terminal.stdout,
        )
    };
    written
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)?;
    Ok(ExitCode::Success)
}

fn show(store: &Store, name: &str, format: OutputFormat) -> Result<ExitCode> {
    let session = store.load(name)?;
    let mut stdout = io::stdout().lock();
    let written = if format == OutputFormat::Text {
        output::print_transcript(&mut stdout, name, &session)
    } else {
        let path = store.path(name)?;
        std::fs::read(&path).and_then(|bytes| stdout.write_all(&bytes))
    };
    written
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)?;
    Ok(ExitCode::Success)
}
