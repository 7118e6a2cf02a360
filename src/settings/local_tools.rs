//! Local tools, resolved: the `-T` definitions loaded and checked, the
//! allow and deny rules from the flags and the config file, the bounds of
//! a call, and what a request carries for them (the `tools` entries and
//! `tool_choice`). Every mistake is a usage error here, before anything is
//! sent.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::api::types::{CustomTool, MessageRequest, ToolChoice, ToolDefinition};
use crate::cli::LocalToolArgs;
use crate::config::Config;
use crate::error::Error;
use crate::tools::{Rules, Toolbox, definition, policy};

use super::Terminal;

/// The local tools of a run.
#[derive(Debug, Clone)]
pub struct LocalTools {
    /// How each tool was named, a path made absolute: what a chat session
    /// keeps, so that a resumed conversation offers the same tools.
    pub specs: Vec<String>,
    pub toolbox: Toolbox,
    /// Sent with `strict: true` (not `--no-strict-tools`).
    pub strict: bool,
    pub choice: Option<ToolChoice>,
}

impl LocalTools {
    /// The tools `specs` name (the `-T` values, or a resumed session's),
    /// with the policy and bounds from `args` and the config file.
    /// `server_tools` are the names of the server tools the request also
    /// offers: a local tool may not take one, and `--tool-choice` may name
    /// one. `env` reads an environment variable (to find the tools
    /// directory).
    pub fn resolve(
        specs: &[String],
        args: &LocalToolArgs,
        config: &Config,
        terminal: &Terminal,
        server_tools: &[&str],
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<LocalTools, Error> {
        let dir = definition::directory(env);
        let found = definition::find_all(specs, dir.as_deref())
            .map_err(|error| Error::Usage(error.to_string()))?;
        if let Some(tool) = found
            .iter()
            .find(|t| server_tools.contains(&t.name.as_str()))
        {
            return Err(Error::Usage(format!(
                "{}: the name {} is taken by a server tool of this request; rename the tool",
                tool.path.display(),
                tool.name
            )));
        }
        let names: Vec<&str> = found.iter().map(|tool| tool.name.as_str()).collect();
        for (flag, given) in [("--allow", &args.allow), ("--deny", &args.deny)] {
            let offered = |name: &String| {
                names.contains(&name.as_str()) || (flag == "--allow" && name == policy::ALL)
            };
            if let Some(unknown) = given.iter().find(|name| !offered(name)) {
                return Err(Error::Usage(format!(
                    "{flag} {unknown}: no tool of that name is offered (-T NAME offers one)"
                )));
            }
        }
        let choice = args
            .tool_choice
            .as_deref()
            .map(|choice| tool_choice(choice, &names, server_tools))
            .transpose()?;
        let rules = Rules {
            allow: args.allow.iter().cloned().collect(),
            config_allow: config.tools.allow.iter().cloned().collect(),
            deny: args.deny.iter().cloned().collect(),
            always: Default::default(),
        };
        let mut toolbox = Toolbox::new(found, rules, terminal.stdin && terminal.stderr);
        toolbox.jobs = args.tool_jobs as usize;
        toolbox.limits.timeout = Duration::from_secs_f64(args.tool_timeout);
        Ok(LocalTools {
            specs: specs.iter().map(|spec| kept_spec(spec)).collect(),
            toolbox,
            strict: !args.no_strict_tools,
            choice,
        })
    }

    /// Offers the tools in `request`, after its server tools.
    pub fn apply(&self, request: &mut MessageRequest) {
        request.tools.extend(self.toolbox.tools.iter().map(|tool| {
            ToolDefinition::Custom(CustomTool {
                name: tool.name.clone(),
                description: tool.description.clone(),
                input_schema: tool.input_schema.clone(),
                strict: self.strict,
            })
        }));
        request.tool_choice.clone_from(&self.choice);
    }
}

/// `--tool-choice`: a mode, or the name of a tool the request offers.
fn tool_choice(choice: &str, local: &[&str], server: &[&str]) -> Result<ToolChoice, Error> {
    if local.is_empty() && server.is_empty() {
        return Err(Error::Usage(format!(
            "--tool-choice {choice}: the request offers no tools (give one with -T)"
        )));
    }
    Ok(match choice {
        "auto" => ToolChoice::Auto,
        "any" => ToolChoice::Any,
        "none" => ToolChoice::None,
        name if local.contains(&name) || server.contains(&name) => ToolChoice::Tool {
            name: name.to_owned(),
        },
        other => {
            return Err(Error::Usage(format!(
                "--tool-choice {other}: expected auto, any, none or the name of a tool \
                 offered ({})",
                local
                    .iter()
                    .chain(server)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    })
}

/// A `-T` value as a session keeps it: a path made absolute (it is read
/// again from wherever the conversation is resumed), a name as given.
fn kept_spec(spec: &str) -> String {
    if !definition::is_path(spec) {
        return spec.to_owned();
    }
    let path = Path::new(spec);
    let absolute: PathBuf = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    absolute.to_string_lossy().into_owned()
}
