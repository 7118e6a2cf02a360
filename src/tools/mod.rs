//! Local tools: commands the model may ask `claude` to run.
//!
//! `definition` reads and checks the TOML files, `schema` checks inputs
//! against their schemas, `policy` decides which calls may run, `prompt`
//! asks on the terminal, and `runner` runs one command within its bounds.
//! A [`Toolbox`] ties them together for one step of the conversation: the
//! conversation driver (`turn`) hands it the `tool_use` blocks of a reply,
//! and gets back one `tool_result` per call, in the model's order, or the
//! reason the run must stop.

pub mod definition;
pub mod policy;
pub mod prompt;
pub mod runner;
pub mod schema;

use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

use crate::api::types::{InputBlock, ToolCall};
use crate::interrupt::{self, Signal};

pub use definition::{DefinitionError, Tool};
pub use policy::{Decision, Grant, Rules};
use prompt::Answer;
use runner::{Cancel, Ending, Finished, Limits};

/// `--tool-jobs` when not given: calls of one reply run this many at once.
pub const DEFAULT_JOBS: usize = 4;
/// `--tool-timeout` when not given.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Bytes of a tool's output sent to the model; the rest is cut, with a
/// note saying so.
pub const OUTPUT_CAP: usize = 100 * 1024;
/// Bytes of a failed tool's stderr sent to the model.
pub const STDERR_CAP: usize = 8 * 1024;

/// The tools of one run and what they may do.
#[derive(Debug, Clone)]
pub struct Toolbox {
    /// The tools offered to the model, in order.
    pub tools: Vec<Tool>,
    pub rules: Rules,
    /// Calls of one reply run at most this many at once.
    pub jobs: usize,
    pub limits: Limits,
    /// stdin and stderr are a terminal: a call that is not allowed is
    /// asked about there.
    pub can_ask: bool,
}

/// How one call was handled, for the stderr line and the `stream-json`
/// line that report it.
#[derive(Debug, Clone, PartialEq)]
pub struct CallReport {
    pub id: String,
    pub name: String,
    pub input: Value,
    pub outcome: CallOutcome,
    /// The result sent for the call was an error.
    pub is_error: bool,
}

/// What became of a call.
#[derive(Debug, Clone, PartialEq)]
pub enum CallOutcome {
    /// The command ran.
    Ran {
        grant: Grant,
        end: RunEnd,
        duration: Duration,
        /// Bytes it printed on stdout.
        output_bytes: u64,
        /// More than [`OUTPUT_CAP`]: the result was cut.
        cut: bool,
    },
    /// `--deny` names the tool.
    DeniedByFlag,
    /// The user answered no.
    DeniedByUser,
    /// No tool of that name was offered.
    Unknown,
    /// The input does not match the tool's schema.
    Invalid(String),
    /// Not run: the run stopped (a call could not be allowed, or Ctrl-C).
    NotRun,
}

/// How a command that ran ended.
#[derive(Debug, Clone, PartialEq)]
pub enum RunEnd {
    Exited(i32),
    Signaled(i32),
    TimedOut(Duration),
    Cancelled,
    NotStarted(String),
}

/// The outcome of one tool step.
#[derive(Debug, PartialEq)]
pub enum ToolStep {
    /// Every call answered, in the model's order: the next user turn.
    Results(Vec<InputBlock>),
    /// These tools are not allowed and no one could be asked: nothing ran,
    /// and nothing more may be sent.
    Refused(Vec<String>),
    /// A signal arrived: running tools were killed, nothing more is sent.
    Interrupted(Signal),
}

/// One call on its way to a result.
enum Plan {
    /// Answered without running: why, and the error the model gets.
    Answer(CallOutcome, String),
    /// Run the tool at this index of the toolbox.
    Run { tool: usize, grant: Grant },
    /// Not allowed, and no one to ask.
    Refuse,
    /// Ctrl-C while the question waited.
    Interrupted,
}

impl Toolbox {
    /// A toolbox with the default bounds.
    pub fn new(tools: Vec<Tool>, rules: Rules, can_ask: bool) -> Toolbox {
        Toolbox {
            tools,
            rules,
            jobs: DEFAULT_JOBS,
            limits: Limits {
                timeout: DEFAULT_TIMEOUT,
                output_cap: OUTPUT_CAP,
                stderr_cap: STDERR_CAP,
            },
            can_ask,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tools.is_empty()
    }

    /// Handles the `tool_use` calls of one reply: checks each against the
    /// tools offered and their schemas, decides (asking on the terminal
    /// where it may), runs the allowed ones concurrently, and reports every
    /// call through `report` as it is settled.
    pub fn run_calls(
        &mut self,
        calls: &[ToolCall],
        report: &mut dyn FnMut(&CallReport) -> io::Result<()>,
    ) -> io::Result<ToolStep> {
        if let Some(signal) = interrupt::received() {
            return Ok(ToolStep::Interrupted(signal));
        }
        let cancel = Cancel::default();
        let waker = cancel.clone();
        // Ctrl-C kills the running tools; a question on the terminal sees
        // it too.
        let _interrupt = interrupt::subscribe(move |_| waker.cancel());

        let mut plans = Vec::with_capacity(calls.len());
        for call in calls {
            let plan = self.plan(call)?;
            match &plan {
                Plan::Interrupted => return Ok(ToolStep::Interrupted(signal_received())),
                Plan::Answer(outcome, _) => report(&CallReport {
                    id: call.id.clone(),
                    name: call.name.clone(),
                    input: call.input.clone(),
                    outcome: outcome.clone(),
                    is_error: true,
                })?,
                Plan::Run { .. } | Plan::Refuse => {}
            }
            plans.push(plan);
        }
        let refused: Vec<String> = calls
            .iter()
            .zip(&plans)
            .filter(|(_, plan)| matches!(plan, Plan::Refuse))
            .map(|(call, _)| call.name.clone())
            .collect();
        if !refused.is_empty() {
            for (call, plan) in calls.iter().zip(&plans) {
                if let Plan::Run { .. } = plan {
                    report(&not_run(call))?;
                }
            }
            return Ok(ToolStep::Refused(dedup(refused)));
        }
        let finished = self.run_planned(calls, &plans, &cancel, report)?;
        if interrupt::requested() {
            return Ok(ToolStep::Interrupted(signal_received()));
        }
        let results = plans
            .into_iter()
            .zip(finished)
            .zip(calls)
            .map(|((plan, result), call)| match plan {
                Plan::Answer(_, content) => InputBlock::ToolResult {
                    tool_use_id: call.id.clone(),
                    content,
                    is_error: true,
                },
                _ => result.expect("every planned run has a result"),
            })
            .collect();
        Ok(ToolStep::Results(results))
    }

    /// What to do with one call; asks on the terminal when the policy says
    /// so.
    fn plan(&mut self, call: &ToolCall) -> io::Result<Plan> {
        let Some(index) = self.tools.iter().position(|t| t.name == call.name) else {
            return Ok(Plan::Answer(
                CallOutcome::Unknown,
                format!(
                    "error: there is no tool named {:?}; the tools offered are: {}",
                    call.name,
                    self.names().join(", ")
                ),
            ));
        };
        if let Err(why) = schema::validate(&self.tools[index].input_schema, &call.input) {
            return Ok(Plan::Answer(
                CallOutcome::Invalid(why.clone()),
                format!(
                    "error: the input does not match the tool's input_schema, so it was not \
                     run: {why}"
                ),
            ));
        }
        let grant = match policy::decide(&call.name, &self.rules, self.can_ask) {
            Decision::Run(grant) => grant,
            Decision::Deny => {
                return Ok(Plan::Answer(
                    CallOutcome::DeniedByFlag,
                    "error: denied by the user (--deny): this tool may not run".into(),
                ));
            }
            Decision::Stop => return Ok(Plan::Refuse),
            Decision::Ask => match prompt::ask(&call.name, &call.input)? {
                Answer::Yes => Grant::Yes,
                Answer::Always => {
                    self.rules.always.insert(call.name.clone());
                    Grant::Always
                }
                Answer::No => {
                    return Ok(Plan::Answer(
                        CallOutcome::DeniedByUser,
                        "error: denied by the user: they chose not to run this call".into(),
                    ));
                }
                Answer::Interrupted => return Ok(Plan::Interrupted),
            },
        };
        Ok(Plan::Run { tool: index, grant })
    }

    /// Runs the planned calls, at most `jobs` at once, reporting each as it
    /// ends; the results come back in the calls' order.
    fn run_planned(
        &self,
        calls: &[ToolCall],
        plans: &[Plan],
        cancel: &Cancel,
        report: &mut dyn FnMut(&CallReport) -> io::Result<()>,
    ) -> io::Result<Vec<Option<InputBlock>>> {
        let queue: Vec<(usize, &Tool, Grant)> = plans
            .iter()
            .enumerate()
            .filter_map(|(i, plan)| match plan {
                Plan::Run { tool, grant } => Some((i, &self.tools[*tool], *grant)),
                _ => None,
            })
            .collect();
        let mut results: Vec<Option<InputBlock>> = vec![None; calls.len()];
        let next = AtomicUsize::new(0);
        let (done, finished) = mpsc::channel::<(usize, Finished)>();
        let limits = self.limits;
        std::thread::scope(|scope| -> io::Result<()> {
            for _ in 0..self.jobs.clamp(1, queue.len().max(1)) {
                let (done, next, queue) = (done.clone(), &next, &queue);
                scope.spawn(move || {
                    while let Some(&(i, tool, _)) = queue.get(next.fetch_add(1, Ordering::SeqCst)) {
                        let input = serde_json::to_vec(&calls[i].input).unwrap_or_default();
                        let finished = runner::run(&tool.command, &input, limits, cancel);
                        if done.send((i, finished)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(done);
            let mut failed = Ok(());
            for (i, finished) in finished {
                let grant = queue.iter().find(|(at, ..)| *at == i).map(|q| q.2);
                let (result, call_report) =
                    answer(&calls[i], grant.unwrap_or(Grant::Yes), finished, limits);
                if failed.is_ok() {
                    failed = report(&call_report);
                }
                results[i] = Some(result);
            }
            failed
        })?;
        Ok(results)
    }

    fn names(&self) -> Vec<&str> {
        self.tools.iter().map(|tool| tool.name.as_str()).collect()
    }
}

fn signal_received() -> Signal {
    interrupt::received().unwrap_or(Signal::Interrupt)
}

fn dedup(mut names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|name| seen.insert(name.clone()));
    names
}

fn not_run(call: &ToolCall) -> CallReport {
    CallReport {
        id: call.id.clone(),
        name: call.name.clone(),
        input: call.input.clone(),
        outcome: CallOutcome::NotRun,
        is_error: false,
    }
}

/// The result a finished command gives the model, and its report.
fn answer(
    call: &ToolCall,
    grant: Grant,
    finished: Finished,
    limits: Limits,
) -> (InputBlock, CallReport) {
    let text = |bytes: &[u8]| crate::secrets::scrub(&String::from_utf8_lossy(bytes)).into_owned();
    let mut stdout = text(&finished.stdout.bytes);
    if finished.stdout.cut() {
        stdout.push_str(&format!(
            "\n[output cut: the tool printed {} bytes; only the first {} KB are shown]",
            finished.stdout.total,
            limits.output_cap / 1024
        ));
    }
    let mut stderr = text(&finished.stderr.bytes);
    if finished.stderr.cut() {
        stderr.push_str(&format!(
            "\n[stderr cut: {} bytes in all]",
            finished.stderr.total
        ));
    }
    let end = match finished.ending {
        Ending::Exited(code) => RunEnd::Exited(code),
        Ending::Signaled(signal) => RunEnd::Signaled(signal),
        Ending::TimedOut => RunEnd::TimedOut(limits.timeout),
        Ending::Cancelled => RunEnd::Cancelled,
        Ending::NotStarted(error) => RunEnd::NotStarted(error.to_string()),
    };
    let failure = match &end {
        RunEnd::Exited(0) => None,
        RunEnd::Exited(code) => Some(format!("error: the command exited with status {code}")),
        RunEnd::Signaled(signal) => {
            Some(format!("error: the command was killed by signal {signal}"))
        }
        RunEnd::TimedOut(timeout) => Some(format!(
            "error: the command did not finish within {} s and was stopped",
            timeout.as_secs_f64()
        )),
        RunEnd::Cancelled => Some("error: the command was stopped (interrupted)".to_owned()),
        RunEnd::NotStarted(why) => Some(format!("error: the command could not be started: {why}")),
    };
    let content = match &failure {
        None => stdout,
        Some(failure) => {
            let mut content = failure.clone();
            for (label, text) in [("stderr", &stderr), ("stdout", &stdout)] {
                if !text.trim().is_empty() {
                    content.push_str(&format!("\n{label}:\n{}", text.trim_end()));
                }
            }
            content
        }
    };
    let is_error = failure.is_some();
    let report = CallReport {
        id: call.id.clone(),
        name: call.name.clone(),
        input: call.input.clone(),
        outcome: CallOutcome::Ran {
            grant,
            end,
            duration: finished.elapsed,
            output_bytes: finished.stdout.total,
            cut: finished.stdout.cut(),
        },
        is_error,
    };
    let result = InputBlock::ToolResult {
        tool_use_id: call.id.clone(),
        content,
        is_error,
    };
    (result, report)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use serde_json::json;
    use std::path::PathBuf;

    fn tool(name: &str, script: &str) -> Tool {
        Tool {
            name: name.into(),
            description: "test".into(),
            input_schema: json!({"type": "object", "properties": {"n": {"type": "integer"}}}),
            command: vec!["sh".into(), "-c".into(), script.into()],
            path: PathBuf::from(format!("{name}.toml")),
        }
    }

    fn call(id: &str, name: &str, input: Value) -> ToolCall {
        ToolCall {
            id: id.into(),
            name: name.into(),
            input,
            extra: Default::default(),
        }
    }

    fn allow(names: &[&str]) -> Rules {
        Rules {
            allow: names.iter().map(|n| (*n).to_owned()).collect(),
            ..Rules::default()
        }
    }

    fn run(toolbox: &mut Toolbox, calls: &[ToolCall]) -> (ToolStep, Vec<CallReport>) {
        let mut reports = Vec::new();
        let step = toolbox
            .run_calls(calls, &mut |report| {
                reports.push(report.clone());
                Ok(())
            })
            .unwrap();
        (step, reports)
    }

    fn result(id: &str, content: &str, is_error: bool) -> InputBlock {
        InputBlock::ToolResult {
            tool_use_id: id.into(),
            content: content.into(),
            is_error,
        }
    }

    #[test]
    fn results_come_in_the_models_order_whatever_finishes_first() {
        let tools = vec![tool("echo", "cat"), tool("fail", "echo bad >&2; exit 4")];
        let mut toolbox = Toolbox::new(tools, allow(&["all"]), false);
        let calls = [
            call("t1", "echo", json!({"n": 1})),
            call("t2", "fail", json!({})),
            call("t3", "nope", json!({})),
            call("t4", "echo", json!({"n": "x"})),
        ];
        let (step, reports) = run(&mut toolbox, &calls);
        let ToolStep::Results(results) = step else {
            panic!("{step:?}")
        };
        assert_eq!(results[0], result("t1", "{\"n\":1}", false));
        assert_eq!(
            results[1],
            result(
                "t2",
                "error: the command exited with status 4\nstderr:\nbad",
                true
            )
        );
        assert!(
            matches!(&results[2], InputBlock::ToolResult { content, is_error: true, .. }
            if content.contains("no tool named \"nope\"") && content.contains("echo, fail"))
        );
        assert!(
            matches!(&results[3], InputBlock::ToolResult { content, is_error: true, .. }
            if content.contains("input.n: expected integer, got string"))
        );
        assert_eq!(reports.len(), 4);
        // Calls answered without running are reported first, as decided.
        assert_eq!(reports[0].outcome, CallOutcome::Unknown);
        assert!(matches!(reports[1].outcome, CallOutcome::Invalid(_)));
    }

    #[test]
    fn with_no_terminal_a_call_not_allowed_stops_the_step_and_nothing_runs() {
        let dir = std::env::temp_dir().join(format!("claude-tools-stop-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let marker = dir.join("ran");
        let tools = vec![
            tool(
                "touch",
                &format!("mkdir -p {0} && touch {1}", dir.display(), marker.display()),
            ),
            tool("other", "true"),
        ];
        let mut toolbox = Toolbox::new(tools, allow(&["touch"]), false);
        let calls = [
            call("t1", "touch", json!({})),
            call("t2", "other", json!({})),
        ];
        let (step, reports) = run(&mut toolbox, &calls);
        assert_eq!(step, ToolStep::Refused(vec!["other".into()]));
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].outcome, CallOutcome::NotRun);
        assert!(!marker.exists());
    }

    #[test]
    fn deny_wins_and_the_model_is_told() {
        let mut rules = allow(&["all"]);
        rules.deny.insert("echo".into());
        let mut toolbox = Toolbox::new(vec![tool("echo", "cat")], rules, false);
        let (step, reports) = run(&mut toolbox, &[call("t1", "echo", json!({}))]);
        let ToolStep::Results(results) = step else {
            panic!("{step:?}")
        };
        assert!(
            matches!(&results[0], InputBlock::ToolResult { content, is_error: true, .. }
            if content.contains("denied"))
        );
        assert_eq!(reports[0].outcome, CallOutcome::DeniedByFlag);
    }

    #[test]
    fn output_past_the_cap_is_cut_with_a_note_and_timeouts_are_errors() {
        let tools = vec![
            tool("big", "head -c 300000 /dev/zero | tr '\\0' x"),
            tool("slow", "echo partial; exec sleep 600"),
        ];
        let mut toolbox = Toolbox::new(tools, allow(&["all"]), false);
        toolbox.limits.timeout = Duration::from_millis(500);
        let (step, reports) = run(
            &mut toolbox,
            &[call("t1", "big", json!({})), call("t2", "slow", json!({}))],
        );
        let ToolStep::Results(results) = step else {
            panic!("{step:?}")
        };
        let InputBlock::ToolResult {
            content, is_error, ..
        } = &results[0]
        else {
            panic!()
        };
        assert!(!is_error);
        assert!(content.starts_with(&"x".repeat(OUTPUT_CAP)));
        assert!(content.ends_with(
            "[output cut: the tool printed 300000 bytes; only the first 100 KB are shown]"
        ));
        let InputBlock::ToolResult {
            content, is_error, ..
        } = &results[1]
        else {
            panic!()
        };
        assert!(is_error);
        assert!(content.contains("did not finish within 0.5 s"), "{content}");
        assert!(content.contains("stdout:\npartial"), "{content}");
        let big = reports.iter().find(|r| r.name == "big").unwrap();
        assert!(matches!(
            big.outcome,
            CallOutcome::Ran {
                output_bytes: 300_000,
                cut: true,
                ..
            }
        ));
    }
}
