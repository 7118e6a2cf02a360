//! The exit-code table of the CLI contract, in one place.
//!
//! Every way `claude` can end maps to exactly one [`ExitCode`]; `main` turns it
//! into the process status. Scripts branch on these numbers, so they never
//! change meaning.

use crate::api::StopReason;
use crate::interrupt::Signal;

/// The process exit status, one variant per row of the contract's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// `end_turn` / `stop_sequence`, or no model reply was needed.
    Success,
    /// An unexpected internal failure.
    Internal,
    /// Bad flag or local input; nothing was sent.
    Usage,
    /// The reply was cut: `max_tokens` or `model_context_window_exceeded`.
    Truncated,
    /// The model refused.
    Refusal,
    /// The turn is not finished: `tool_use` or `pause_turn`.
    Unfinished,
    /// No key, 401 or 403.
    Auth,
    /// 400, 404, 413, 422 and other non-retryable 4xx.
    Rejected,
    /// 429 after retries.
    RateLimited,
    /// 5xx, 529 or a broken stream, after retries.
    Server,
    /// Connection failure or timeout, after retries.
    Network,
    /// A Message Batch ended with requests that errored, expired or were
    /// canceled (the others' results are there).
    BatchIncomplete,
    /// A spending limit is reached (`--max-cost`, or the daily budget), or
    /// today's spending cannot be read; the request was not sent.
    BudgetReached,
    /// Ctrl-C.
    Interrupted,
    /// SIGTERM.
    Terminated,
    /// SIGHUP.
    HungUp,
}

impl ExitCode {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            ExitCode::Success => 0,
            ExitCode::Internal => 1,
            ExitCode::Usage => 2,
            ExitCode::Truncated => 3,
            ExitCode::Refusal => 4,
            ExitCode::Unfinished => 5,
            ExitCode::Auth => 6,
            ExitCode::Rejected => 7,
            ExitCode::RateLimited => 8,
            ExitCode::Server => 9,
            ExitCode::Network => 10,
            ExitCode::BatchIncomplete => 11,
            ExitCode::BudgetReached => 12,
            ExitCode::Interrupted => 130,
            ExitCode::Terminated => 143,
            ExitCode::HungUp => 129,
        }
    }

    /// The status for a command that `signal` ended.
    pub fn for_signal(signal: Signal) -> ExitCode {
        match signal {
            Signal::Interrupt => ExitCode::Interrupted,
            Signal::Terminate => ExitCode::Terminated,
            Signal::HangUp => ExitCode::HungUp,
        }
    }

    /// The status for a reply that arrived whole. Unknown stop reasons (the
    /// API adds them from time to time) count as success: the reply is there.
    pub fn from_stop_reason(reason: Option<&StopReason>) -> ExitCode {
        match reason {
            Some(StopReason::MaxTokens | StopReason::ModelContextWindowExceeded) => {
                ExitCode::Truncated
            }
            Some(StopReason::Refusal) => ExitCode::Refusal,
            Some(StopReason::ToolUse | StopReason::PauseTurn) => ExitCode::Unfinished,
            Some(StopReason::EndTurn | StopReason::StopSequence | StopReason::Other(_)) | None => {
                ExitCode::Success
            }
        }
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        std::process::ExitCode::from(code.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_contract_table() {
        let table = [
            (ExitCode::Success, 0),
            (ExitCode::Internal, 1),
            (ExitCode::Usage, 2),
            (ExitCode::Truncated, 3),
            (ExitCode::Refusal, 4),
            (ExitCode::Unfinished, 5),
            (ExitCode::Auth, 6),
            (ExitCode::Rejected, 7),
            (ExitCode::RateLimited, 8),
            (ExitCode::Server, 9),
            (ExitCode::Network, 10),
            (ExitCode::BatchIncomplete, 11),
            (ExitCode::BudgetReached, 12),
            (ExitCode::Interrupted, 130),
            (ExitCode::Terminated, 143),
            (ExitCode::HungUp, 129),
        ];
        for signal in [Signal::Interrupt, Signal::Terminate, Signal::HangUp] {
            assert_eq!(ExitCode::for_signal(signal).code(), signal.exit_status());
        }
        for (code, number) in table {
            assert_eq!(code.code(), number, "{code:?}");
        }
    }

    #[test]
    fn stop_reasons_map_to_codes() {
        let cases = [
            ("end_turn", 0),
            ("stop_sequence", 0),
            ("max_tokens", 3),
            ("model_context_window_exceeded", 3),
            ("refusal", 4),
            ("tool_use", 5),
            ("pause_turn", 5),
            ("something_new", 0),
        ];
        for (reason, number) in cases {
            let reason = StopReason::from(reason.to_string());
            assert_eq!(ExitCode::from_stop_reason(Some(&reason)).code(), number);
        }
        assert_eq!(ExitCode::from_stop_reason(None).code(), 0);
    }
}
