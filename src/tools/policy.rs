//! Which tool calls may run: data in, a decision out. Nothing here touches
//! a process or a terminal, so the whole policy is a table of cases.
//!
//! The rules, in order: a tool named by `--deny` never runs (deny wins over
//! every allow); a tool allowed by `--allow NAME`, `--allow all`, the
//! config file's `[tools] allow` or an earlier "always" answer runs; any
//! other call is asked about on the terminal, and when there is no terminal
//! to ask on, the run ends there.

use std::collections::BTreeSet;

/// The word that allows every tool.
pub const ALL: &str = "all";

/// What allows and denies tools in one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// `--allow NAME` (or `--allow all`).
    pub allow: BTreeSet<String>,
    /// `[tools] allow` in the config file (or `["all"]`).
    pub config_allow: BTreeSet<String>,
    /// `--deny NAME`.
    pub deny: BTreeSet<String>,
    /// Tools the user answered "always" for, in this process.
    pub always: BTreeSet<String>,
}

/// Why a call may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// `--allow NAME`.
    Flag,
    /// `--allow all`.
    FlagAll,
    /// `[tools] allow` in the config file.
    Config,
    /// The user answered "always" earlier.
    Always,
    /// The user answered "yes" to this call.
    Yes,
}

/// What to do with one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Run it.
    Run(Grant),
    /// Do not run it: `--deny` names it. The model gets an error result.
    Deny,
    /// Ask on the terminal.
    Ask,
    /// Not allowed, and no one can be asked: the run ends, nothing more is
    /// sent.
    Stop,
}

/// The decision for a call of `tool`; `can_ask`: stdin and stderr are a
/// terminal.
pub fn decide(tool: &str, rules: &Rules, can_ask: bool) -> Decision {
    let names = |set: &BTreeSet<String>| set.contains(tool);
    if names(&rules.deny) {
        Decision::Deny
    } else if names(&rules.allow) {
        Decision::Run(Grant::Flag)
    } else if rules.allow.contains(ALL) {
        Decision::Run(Grant::FlagAll)
    } else if names(&rules.config_allow) || rules.config_allow.contains(ALL) {
        Decision::Run(Grant::Config)
    } else if names(&rules.always) {
        Decision::Run(Grant::Always)
    } else if can_ask {
        Decision::Ask
    } else {
        Decision::Stop
    }
}

/// The state of a tool as `/tools` shows it: what [`decide`] would do,
/// said in words.
pub fn describe(tool: &str, rules: &Rules) -> &'static str {
    match decide(tool, rules, true) {
        Decision::Deny => "denied (--deny)",
        Decision::Run(Grant::Flag | Grant::FlagAll) => "allowed (--allow)",
        Decision::Run(Grant::Config) => "allowed (config file)",
        Decision::Run(Grant::Always | Grant::Yes) => "allowed (always, this session)",
        Decision::Ask | Decision::Stop => "asks first",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn the_policy_table() {
        let rules = |allow: &[&str], config: &[&str], deny: &[&str], always: &[&str]| Rules {
            allow: set(allow),
            config_allow: set(config),
            deny: set(deny),
            always: set(always),
        };
        use Decision::*;
        let table = [
            // tool, allow, config allow, deny, always, terminal -> decision
            ("wc", rules(&[], &[], &[], &[]), true, Ask),
            ("wc", rules(&[], &[], &[], &[]), false, Stop),
            ("wc", rules(&["wc"], &[], &[], &[]), false, Run(Grant::Flag)),
            (
                "wc",
                rules(&["all"], &[], &[], &[]),
                false,
                Run(Grant::FlagAll),
            ),
            ("wc", rules(&["other"], &[], &[], &[]), false, Stop),
            ("wc", rules(&["other"], &[], &[], &[]), true, Ask),
            (
                "wc",
                rules(&[], &["wc"], &[], &[]),
                false,
                Run(Grant::Config),
            ),
            (
                "wc",
                rules(&[], &["all"], &[], &[]),
                false,
                Run(Grant::Config),
            ),
            (
                "wc",
                rules(&[], &[], &[], &["wc"]),
                false,
                Run(Grant::Always),
            ),
            // Deny wins over every kind of allow.
            ("wc", rules(&["wc"], &[], &["wc"], &[]), true, Deny),
            (
                "wc",
                rules(&["all"], &["all"], &["wc"], &["wc"]),
                false,
                Deny,
            ),
            (
                "git_diff",
                rules(&["all"], &[], &["wc"], &[]),
                false,
                Run(Grant::FlagAll),
            ),
            // A flag is named before the config file.
            (
                "wc",
                rules(&["wc"], &["wc"], &[], &[]),
                true,
                Run(Grant::Flag),
            ),
            // Names are exact.
            ("WC", rules(&["wc"], &[], &[], &[]), false, Stop),
        ];
        for (tool, rules, terminal, expected) in table {
            assert_eq!(
                decide(tool, &rules, terminal),
                expected,
                "{tool} {rules:?} terminal={terminal}"
            );
        }
    }

    #[test]
    fn states_in_words() {
        let mut rules = Rules {
            deny: set(&["rm"]),
            config_allow: set(&["wc"]),
            ..Rules::default()
        };
        assert_eq!(describe("rm", &rules), "denied (--deny)");
        assert_eq!(describe("wc", &rules), "allowed (config file)");
        assert_eq!(describe("cat", &rules), "asks first");
        rules.always.insert("cat".into());
        assert_eq!(describe("cat", &rules), "allowed (always, this session)");
        rules.allow.insert("all".into());
        assert_eq!(describe("ls", &rules), "allowed (--allow)");
    }
}
