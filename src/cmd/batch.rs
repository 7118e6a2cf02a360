//! `claude batch`: submit a file of requests as a Message Batch, watch it,
//! and stream its results. The whole file is checked before anything is
//! sent; results are written as they arrive, never held whole.

use std::io::{self, Write};
use std::time::Duration;

use bytes::Bytes;
use serde_json::Value;

use crate::api::types::{BatchInfo, InputContent, Usage};
use crate::api::{self, Client};
use crate::catalog;
use crate::cli::{BatchAction, BatchArgs, DataFormat, PollArgs, ResultsOutputArgs};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::exit::ExitCode;
use crate::input::batch::{self, Defaults};
use crate::input::{self, InputSpec, StdinMode};
use crate::interrupt;
use crate::ledger::{self, Ledger};
use crate::log::StderrLog;
use crate::output::{self, BatchProgress, ResultLine};
use crate::settings::{self, Connection, RequestSettings, Terminal};
use crate::uploads;

/// The longest pause between two status checks.
const MAX_POLL: Duration = Duration::from_secs(60);
/// Batches shown by `list`.
const LIST_PAGE: u32 = 100;
/// Result rows written to the ledger in one transaction.
const LEDGER_CHUNK: usize = 500;

pub fn run(
    args: BatchArgs,
    connection: &Connection,
    terminal: &Terminal,
    config: &Config,
) -> Result<ExitCode> {
    let submit = match &args.action {
        BatchAction::Submit(args) => Some(RequestSettings::resolve(
            &args.request,
            &connection.client.api_version,
            config,
            |name| std::env::var(name).ok(),
        )?),
        _ => None,
    };
    let ledger = match &args.action {
        BatchAction::Submit(args) => super::ledger(&args.ledger, config)?,
        BatchAction::Results(args) => super::ledger(&args.ledger, config)?,
        _ => Ledger::new(ledger::Options::default()),
    };
    if !submit.as_ref().is_some_and(|settings| settings.dry_run) {
        connection.require_credential()?;
    }
    let client = Client::new(connection.client_config())?;
    let log = StderrLog::new(connection.log, None);
    let batches = Batches {
        client: &client,
        log: &log,
        terminal,
    };
    match args.action {
        BatchAction::Submit(args) => match &submit {
            Some(settings) => batches.submit(args, settings, connection, config, &ledger),
            None => unreachable!("resolved above"),
        },
        BatchAction::Status(args) => {
            let batch = client
                .get_batch(&args.id, &log)
                .map_err(|e| Error::about_batch(&args.id, e))?
                .value;
            batches.print(&batch, args.output)?;
            Ok(ExitCode::Success)
        }
        BatchAction::Wait(args) => {
            let info = batches.wait(&args.id, &args.poll)?;
            let batch = client
                .get_batch(&args.id, &log)
                .map_err(|e| Error::about_batch(&args.id, e))?
                .value;
            batches.print(&batch, DataFormat::Text)?;
            Ok(exit_for(info.counts.failed()))
        }
        BatchAction::Results(args) => batches.results(&args.id, &args.results, &ledger),
        BatchAction::List(args) => batches.list(args.output),
        BatchAction::Cancel(args) => {
            let batch = client
                .cancel_batch(&args.id, &log)
                .map_err(|e| Error::about_batch(&args.id, e))?
                .value;
            batches.print(&batch, args.output)?;
            Ok(ExitCode::Success)
        }
    }
}

fn exit_for(failed: u64) -> ExitCode {
    if failed > 0 {
        ExitCode::BatchIncomplete
    } else {
        ExitCode::Success
    }
}

struct Batches<'a> {
    client: &'a Client,
    log: &'a StderrLog,
    terminal: &'a Terminal,
}

impl Batches<'_> {
    fn submit(
        &self,
        args: Box<crate::cli::BatchSubmitArgs>,
        settings: &RequestSettings,
        connection: &Connection,
        config: &Config,
        ledger: &Ledger,
    ) -> Result<ExitCode> {
        let attached = self.attached(&args, settings, connection, config)?;
        let defaults = defaults(settings, attached)?;
        // Each request is written into the body as it is read, so that the
        // file's requests are never all held as JSON values at once.
        let mut body = b"{\"requests\":[".to_vec();
        let summary = batch::read(&args.file, &defaults, &mut |request| {
            if body.len() > b"{\"requests\":[".len() {
                body.push(b',');
            }
            serde_json::to_writer(&mut body, &request).map_err(|e| Error::Internal(e.into()))?;
            batch::check_size(body.len())
        })?;
        body.extend_from_slice(b"]}");
        batch::check_size(body.len())?;
        let body = Bytes::from(body);
        let count = summary.requests;
        let prompt_lines = count - summary.from_params;
        if let Some(inline) = inline_media(&defaults.attached)
            && prompt_lines > 1
        {
            output::note(format!(
                "{inline} goes in base64 into each of the {prompt_lines} prompt lines; \
                 --upload stores it once and names it in each"
            ));
        }
        let mut ignored = ignored_by_params_lines(settings);
        if !defaults.attached.is_empty() {
            ignored.push("-f/--file-id");
        }
        if !ignored.is_empty() && summary.from_params > 0 {
            output::note(format!(
                "{} applied to prompt lines only: params lines are sent as written (with -m, \
                 -s, --max-tokens and the server tools filling in what they lack)",
                ignored.join(", ")
            ));
        }
        if settings.dry_run {
            let preview = self.client.preview_batch(body, &settings.betas)?;
            return super::print_preview(&preview, connection, self.terminal);
        }
        ledger.check_budget()?;
        let created = self
            .client
            .create_batch(body, &settings.betas, self.log)?
            .value;
        let info = BatchInfo::from_json(&created);
        if info.id.is_empty() {
            return Err(Error::Api(api::Error::Protocol {
                detail: format!(
                    "the batch was created but the reply names no id: {}",
                    api::one_line(&created.to_string())
                ),
                request_id: None,
            }));
        }
        if !args.wait {
            let mut stdout = io::stdout().lock();
            writeln!(stdout, "{}", info.id)
                .and_then(|()| stdout.flush())
                .map_err(Error::Output)?;
            return Ok(ExitCode::Success);
        }
        output::note(format!("submitted {} requests as batch {}", count, info.id));
        self.wait(&info.id, &args.poll)?;
        self.results(&info.id, &args.results, ledger)
    }

    /// The blocks `-f` and `--file-id` put before every prompt. Stored
    /// files are resolved once: uploaded, or taken from the cache when they
    /// will outlive the batch and the API confirms they are there, since a
    /// batch's requests fail too late to upload anything again.
    fn attached(
        &self,
        args: &crate::cli::BatchSubmitArgs,
        settings: &RequestSettings,
        connection: &Connection,
        config: &Config,
    ) -> Result<Vec<Value>> {
        if args.files.is_empty() && args.media.stored.file_ids.is_empty() {
            return Ok(Vec::new());
        }
        let spec = InputSpec {
            prompt: Vec::new(),
            files: args.files.clone(),
            stdin: StdinMode::Auto,
            // Stdin is read only when `-f -` names it.
            stdin_is_terminal: true,
            media: settings::media_options(&args.media, &settings.model, config),
            file_ids: args.media.stored.file_ids.clone(),
        };
        let input = input::assemble(&spec, super::stdin_reader(true))?;
        let mut files = super::request_files(
            self.client,
            self.log,
            connection,
            self.terminal,
            uploads::FOR_A_BATCH,
            settings.dry_run,
        )
        .confirming();
        let content = input.content.resolve(&mut files)?;
        match serde_json::to_value(&content).map_err(|e| Error::Internal(e.into()))? {
            Value::Array(blocks) => Ok(blocks),
            Value::String(text) => Ok(vec![serde_json::json!({"type": "text", "text": text})]),
            _ => Err(Error::Internal(anyhow::anyhow!(
                "attached content is neither text nor blocks"
            ))),
        }
    }

    /// Polls until the batch has ended, with a growing pause between checks.
    fn wait(&self, id: &str, poll: &PollArgs) -> Result<BatchInfo> {
        let progress = BatchProgress::new(self.terminal.stderr);
        let mut pause = Duration::from_secs_f64(poll.poll_interval);
        loop {
            let info = match self.client.get_batch(id, self.log) {
                Ok(reply) => BatchInfo::from_json(&reply.value),
                Err(error) => {
                    progress.finish();
                    return Err(Error::about_batch(id, error));
                }
            };
            progress.update(info.counts, &info.processing_status);
            if info.has_ended() {
                progress.finish();
                return Ok(info);
            }
            if !matches!(info.processing_status.as_str(), "in_progress" | "canceling") {
                progress.finish();
                return Err(Error::Api(api::Error::Protocol {
                    detail: format!(
                        "batch {id} has processing_status {:?}, which is not one claude knows",
                        info.processing_status
                    ),
                    request_id: None,
                }));
            }
            // Not past --max-time: the next poll then reports it.
            let nap = pause.min(self.client.time_left().unwrap_or(pause));
            if interrupt::sleep(nap).is_err() {
                progress.finish();
                output::note(format!(
                    "stopped waiting; the batch goes on (claude batch wait {id})"
                ));
                return Err(Error::Api(api::Error::Interrupted { partial: None }));
            }
            pause = (pause.mul_f64(1.5)).min(MAX_POLL);
        }
    }

    /// Streams the results line by line, tallying as they go; each line
    /// becomes a run in the ledger, at the batch price.
    fn results(&self, id: &str, args: &ResultsOutputArgs, ledger: &Ledger) -> Result<ExitCode> {
        let info = BatchInfo::from_json(
            &self
                .client
                .get_batch(id, self.log)
                .map_err(|e| Error::about_batch(id, e))?
                .value,
        );
        if !info.has_ended() {
            return Err(Error::Unfinished(format!(
                "batch {id} is still {}: its results come when it has ended (claude batch wait {id})",
                info.processing_status
            )));
        }
        let mut tally = Tally::default();
        let mut stdout = io::stdout().lock();
        let format = args.output;
        let mut runs = Vec::new();
        let streamed = self.client.batch_results(
            id,
            &mut |line| {
                let result: Option<Value> = serde_json::from_slice(line).ok();
                match &result {
                    Some(result) => {
                        tally.add(result);
                        runs.push(ledger::batch_result(id, result));
                        if runs.len() == LEDGER_CHUNK {
                            ledger.record(&mut runs);
                            runs.clear();
                        }
                    }
                    None => tally.add_unreadable(),
                }
                match (format, result) {
                    (DataFormat::Json, _) => {
                        stdout.write_all(line)?;
                        stdout.write_all(b"\n")
                    }
                    (DataFormat::Text, Some(result)) => match output::result_line(&result) {
                        ResultLine::Succeeded { line } => writeln!(stdout, "{line}"),
                        ResultLine::Failed { custom_id, why } => {
                            output::note(format!("{custom_id}: {why}"));
                            Ok(())
                        }
                    },
                    (DataFormat::Text, None) => {
                        output::note("a result line that is not JSON was skipped");
                        Ok(())
                    }
                }
            },
            self.log,
        );
        ledger.record(&mut runs);
        stdout.flush().map_err(Error::Output)?;
        streamed.map_err(|e| Error::about_batch(id, e))?;
        let expected = info.counts.done();
        if tally.seen() < expected {
            return Err(Error::Api(api::Error::Protocol {
                detail: format!(
                    "the results ended after {} of the batch's {expected} results",
                    tally.seen()
                ),
                request_id: None,
            }));
        }
        if args.usage {
            output::note(tally.usage_line());
        } else if tally.failed() > 0 {
            output::note(tally.summary());
        }
        Ok(exit_for(tally.failed()))
    }

    fn list(&self, format: DataFormat) -> Result<ExitCode> {
        let page = self.client.list_batches(None, LIST_PAGE, self.log)?.value;
        let mut stdout = io::stdout().lock();
        let written = match format {
            DataFormat::Text => output::print_batch_list(&mut stdout, &page.data),
            DataFormat::Json => output::print_json(
                &mut stdout,
                &Value::Array(page.data.clone()),
                self.terminal.stdout,
            ),
        };
        written.map_err(Error::Output)?;
        if page.has_more {
            output::note(format!(
                "only the {LIST_PAGE} most recent batches are shown"
            ));
        }
        Ok(ExitCode::Success)
    }

    fn print(&self, batch: &Value, format: DataFormat) -> Result<()> {
        let mut stdout = io::stdout().lock();
        match format {
            DataFormat::Text => output::print_batch(&mut stdout, &BatchInfo::from_json(batch)),
            DataFormat::Json => output::print_json(&mut stdout, batch, self.terminal.stdout),
        }
        .map_err(Error::Output)
    }
}

/// Request options given that a `params` line does not take.
fn ignored_by_params_lines(settings: &RequestSettings) -> Vec<&'static str> {
    let given = [
        ("--thinking", settings.thinking.is_some()),
        ("--effort/--schema", settings.output_config.is_some()),
        ("--stop", !settings.stop_sequences.is_empty()),
        ("--cache", settings.cache_control.is_some()),
        ("-t", settings.temperature.is_some()),
        ("--top-p", settings.top_p.is_some()),
        ("--top-k", settings.top_k.is_some()),
    ];
    given
        .into_iter()
        .filter(|(_, set)| *set)
        .map(|(flag, _)| flag)
        .collect()
}

/// What every prompt line starts from: the request the flags describe,
/// and the attached blocks.
fn defaults(settings: &RequestSettings, attached: Vec<Value>) -> Result<Defaults> {
    let request = super::ask::message_request(InputContent::Text(String::new()), settings, false);
    let Ok(Value::Object(mut params)) = serde_json::to_value(&request) else {
        return Err(Error::Internal(anyhow::anyhow!(
            "a request is not a JSON object"
        )));
    };
    params.remove("messages");
    Ok(Defaults { params, attached })
}

/// The name of an attached image or PDF sent inline, if any: "a PDF".
fn inline_media(attached: &[Value]) -> Option<&'static str> {
    attached.iter().find_map(|block| {
        (block["source"]["type"] == "base64").then(|| match block["type"].as_str() {
            Some("image") => "an attached image",
            _ => "an attached PDF",
        })
    })
}

/// Counts and usage over the results seen. Every count comes from the
/// server (or counts its lines): they saturate, never wrap.
#[derive(Debug, Default)]
pub struct Tally {
    succeeded: u64,
    errored: u64,
    canceled: u64,
    expired: u64,
    input: u64,
    output: u64,
    cache_write: u64,
    cache_read: u64,
    cost: f64,
    unpriced: u64,
    /// Lines that are not JSON or of no known result type.
    unknown: u64,
}

fn bump(count: &mut u64, by: u64) {
    *count = count.saturating_add(by);
}

impl Tally {
    /// Counts one result line.
    pub fn add(&mut self, result: &Value) {
        let outcome = &result["result"];
        match outcome["type"].as_str() {
            Some("succeeded") => {
                bump(&mut self.succeeded, 1);
                let message = &outcome["message"];
                let usage: Usage =
                    serde_json::from_value(message["usage"].clone()).unwrap_or_default();
                bump(&mut self.input, usage.input_tokens());
                bump(&mut self.output, usage.output_tokens());
                bump(&mut self.cache_write, usage.cache_write_tokens());
                bump(&mut self.cache_read, usage.cache_read_tokens());
                match catalog::price_of(message["model"].as_str().unwrap_or_default()) {
                    Some(price) => {
                        self.cost = catalog::add_cost(self.cost, catalog::batch_cost(&usage, price))
                    }
                    None => bump(&mut self.unpriced, 1),
                }
            }
            Some("errored") => bump(&mut self.errored, 1),
            Some("canceled") => bump(&mut self.canceled, 1),
            Some("expired") => bump(&mut self.expired, 1),
            _ => self.add_unreadable(),
        }
    }

    /// Counts a line that is not JSON.
    pub fn add_unreadable(&mut self) {
        bump(&mut self.unknown, 1);
    }

    /// Lines read, whatever they said.
    pub fn seen(&self) -> u64 {
        self.succeeded.saturating_add(self.failed())
    }

    /// Lines that are not a reply; a line of no known type counts too.
    pub fn failed(&self) -> u64 {
        self.errored
            .saturating_add(self.canceled)
            .saturating_add(self.expired)
            .saturating_add(self.unknown)
    }

    pub fn summary(&self) -> String {
        let mut summary = format!(
            "{} succeeded, {} errored, {} canceled, {} expired",
            self.succeeded, self.errored, self.canceled, self.expired
        );
        if self.unknown > 0 {
            summary.push_str(&format!(", {} unreadable", self.unknown));
        }
        summary
    }

    pub fn usage_line(&self) -> String {
        let cost = match (self.unpriced, self.succeeded) {
            (0, _) => format!("${:.6} at batch prices", self.cost),
            (n, all) if n == all => "cost unknown".to_owned(),
            (n, _) => format!(
                "${:.6} at batch prices, plus {n} results from models without a price",
                self.cost
            ),
        };
        format!(
            "{}; {} input, {} output, {} cache-write, {} cache-read tokens; {cost}",
            self.summary(),
            self.input,
            self.output,
            self.cache_write,
            self.cache_read
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tally_prices_results_at_batch_rates() {
        let mut tally = Tally::default();
        let results = include_str!("../../tests/fixtures/batch-results.assembled.jsonl");
        for line in results.lines() {
            tally.add(&serde_json::from_str(line).unwrap());
        }
        // One Haiku 4.5 reply: 10 input × $1 + 5 output × $5 = $35 per
        // million, half in a batch: $0.0000175, a hair under as a float.
        assert_eq!(
            tally.usage_line(),
            "1 succeeded, 1 errored, 1 canceled, 1 expired; 10 input, 5 output, 0 cache-write, \
             0 cache-read tokens; $0.000017 at batch prices"
        );
        assert_eq!(tally.failed(), 3);
    }

    #[test]
    fn counts_near_the_largest_saturate() {
        let huge = u64::MAX - 1;
        let line = serde_json::json!({"custom_id": "a", "result": {"type": "succeeded",
            "message": {"model": "claude-haiku-4-5", "usage": {"input_tokens": huge,
            "output_tokens": huge, "cache_creation_input_tokens": huge,
            "cache_read_input_tokens": huge}}}});
        let mut tally = Tally {
            errored: u64::MAX,
            ..Tally::default()
        };
        tally.add(&line);
        tally.add(&line);
        tally.add_unreadable();
        assert_eq!(
            (
                tally.input,
                tally.output,
                tally.cache_write,
                tally.cache_read
            ),
            (u64::MAX, u64::MAX, u64::MAX, u64::MAX)
        );
        assert_eq!((tally.seen(), tally.failed()), (u64::MAX, u64::MAX));
        assert!(tally.cost.is_finite());
        assert!(tally.usage_line().contains("18446744073709551615 input"));
    }
}
