# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_claude_global_optspecs
    string join \n api-key= api-version= base-url= max-retries= max-retry-wait= timeout= max-time= fallback-model= v/verbose h/help V/version
end

function __fish_claude_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_claude_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_claude_using_subcommand
    set -l cmd (__fish_claude_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c claude -n "__fish_claude_needs_command" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_needs_command" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_needs_command" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_needs_command" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_needs_command" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_needs_command" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_needs_command" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_needs_command" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_needs_command" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_needs_command" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_needs_command" -f -a "ask" -d 'Send one request: the prompt from arguments, stdin and files'
complete -c claude -n "__fish_claude_needs_command" -f -a "vision" -d 'Describe or question images (files, - for stdin, or URLs)'
complete -c claude -n "__fish_claude_needs_command" -f -a "count" -d 'Count the input tokens of the request ask would send'
complete -c claude -n "__fish_claude_needs_command" -f -a "chat" -d 'Talk in turns: a REPL on a terminal, one turn per call from a pipe'
complete -c claude -n "__fish_claude_needs_command" -f -a "models" -d 'List the models the key can use, or show one'
complete -c claude -n "__fish_claude_needs_command" -f -a "batch" -d 'Message Batches: many requests at half price, run by the API'
complete -c claude -n "__fish_claude_needs_command" -f -a "files" -d 'Files API: upload once, then name the file in any request'
complete -c claude -n "__fish_claude_needs_command" -f -a "log" -d 'Search and show past runs from the local ledger'
complete -c claude -n "__fish_claude_needs_command" -f -a "cost" -d 'What the runs in the ledger cost, by day, model, tag or command'
complete -c claude -n "__fish_claude_needs_command" -f -a "config" -d 'Show where the config file is, or the settings in effect'
complete -c claude -n "__fish_claude_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c claude -n "__fish_claude_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand ask" -s f -s a -l file -l attach -d 'Attach files or http(s) URLs (repeatable; takes a shell glob\'s paths); - is stdin' -r -F
complete -c claude -n "__fish_claude_using_subcommand ask" -l url-as -d 'Send every URL as this kind, whatever its path says' -r -f -a "image\t'An image block'
document\t'A document block (PDF)'"
complete -c claude -n "__fish_claude_using_subcommand ask" -l file-id -d 'Attach a stored file by id (repeatable): an image or a document by its type' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -s m -l model -d 'Model id or alias: opus, sonnet, haiku [default: sonnet]' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -s s -l system -d 'System prompt' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l system-file -d 'Read the system prompt from a file' -r -F
complete -c claude -n "__fish_claude_using_subcommand ask" -l max-tokens -d 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -s t -l temperature -d 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l top-p -d 'Nucleus sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l top-k -d 'Top-k sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l stop -d 'Stop sequence (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l thinking -d 'Extended thinking: adaptive, a token budget, or off' -r -f
complete -c claude -n "__fish_claude_using_subcommand ask" -l effort -d 'Effort (output_config.effort)' -r -f -a "low\t''
medium\t''
high\t''
xhigh\t''
max\t''"
complete -c claude -n "__fish_claude_using_subcommand ask" -l cache -d 'Automatic prompt caching, optionally with a lifetime' -r -f -a "5m\t''
1h\t''"
complete -c claude -n "__fish_claude_using_subcommand ask" -l beta -d 'Beta feature name for the anthropic-beta header (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l schema -d 'Structured output: the reply is JSON matching this JSON Schema' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l web-search -d 'Let the model search the web, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l web-fetch -d 'Let the model fetch web pages and PDFs, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l domains -d 'Search and fetch only these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l block-domains -d 'Never search or fetch these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l mcp -d 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l max-continuations -d 'Times a turn the server paused (pause_turn) is continued [default: 5]' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -s o -l output -d 'Output format [default: text, or output in the config file]' -r -f -a "text\t'The reply\'s text'
json\t'The whole Message as one JSON object'
stream-json\t'Each raw stream event as one JSON line'"
complete -c claude -n "__fish_claude_using_subcommand ask" -l render -d 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]' -r -f -a "auto\t'When stdout is a terminal, NO_COLOR is unset and TERM is not dumb'
always\t'Also in pipes and files (JSON output is never rendered)'
never\t'Never: the text as it came'"
complete -c claude -n "__fish_claude_using_subcommand ask" -l theme -d 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]' -r -f -a "auto\t'From COLORFGBG where the terminal sets it, else dark'
dark\t'For a dark background'
light\t'For a light background'"
complete -c claude -n "__fish_claude_using_subcommand ask" -l tag -d 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand ask" -s p -l print -d 'Claude Code\'s print mode (`claude -p "…"`): ask always prints, so the flag is accepted for the habit and changes nothing'
complete -c claude -n "__fish_claude_using_subcommand ask" -l stdin -d 'Always read stdin, even from a terminal'
complete -c claude -n "__fish_claude_using_subcommand ask" -l no-stdin -d 'Never read stdin'
complete -c claude -n "__fish_claude_using_subcommand ask" -l resize -d 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
complete -c claude -n "__fish_claude_using_subcommand ask" -l citations -d 'Let the answer cite attached PDFs and text files, with numbered sources'
complete -c claude -n "__fish_claude_using_subcommand ask" -l upload -d 'Send images and PDFs as stored files, uploaded once and then reused'
complete -c claude -n "__fish_claude_using_subcommand ask" -l dry-run -d 'Print the request (key redacted) instead of sending it'
complete -c claude -n "__fish_claude_using_subcommand ask" -l code-exec -d 'Let the model run code in Anthropic\'s sandbox'
complete -c claude -n "__fish_claude_using_subcommand ask" -l no-default-tools -d 'Leave out the server tools the config file turns on'
complete -c claude -n "__fish_claude_using_subcommand ask" -l stream -d 'Print text as it arrives [default when stdout is a terminal]'
complete -c claude -n "__fish_claude_using_subcommand ask" -l no-stream -d 'Wait for the whole reply [default when stdout is not a terminal]'
complete -c claude -n "__fish_claude_using_subcommand ask" -s u -l usage -d 'After the reply, print tokens and estimated cost to stderr'
complete -c claude -n "__fish_claude_using_subcommand ask" -l show-thinking -d 'Print the model\'s thinking to stderr'
complete -c claude -n "__fish_claude_using_subcommand ask" -l no-sources -d 'Leave out the [n] citation markers and the Sources list'
complete -c claude -n "__fish_claude_using_subcommand ask" -l raw -d 'Print the reply\'s text exactly as it came: --render never'
complete -c claude -n "__fish_claude_using_subcommand ask" -l no-log -d 'Keep nothing of this run in the ledger'
complete -c claude -n "__fish_claude_using_subcommand ask" -l ignore-budget -d 'Send even when the daily budget is reached'
complete -c claude -n "__fish_claude_using_subcommand ask" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand ask" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand ask" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand vision" -s p -l prompt -d 'The question [default: "Describe this image." or, for several, "Describe these images."]' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l url-as -d 'Send every URL as this kind, whatever its path says' -r -f -a "image\t'An image block'
document\t'A document block (PDF)'"
complete -c claude -n "__fish_claude_using_subcommand vision" -l file-id -d 'Attach a stored file by id (repeatable): an image or a document by its type' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -s m -l model -d 'Model id or alias: opus, sonnet, haiku [default: sonnet]' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -s s -l system -d 'System prompt' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l system-file -d 'Read the system prompt from a file' -r -F
complete -c claude -n "__fish_claude_using_subcommand vision" -l max-tokens -d 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -s t -l temperature -d 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l top-p -d 'Nucleus sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l top-k -d 'Top-k sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l stop -d 'Stop sequence (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l thinking -d 'Extended thinking: adaptive, a token budget, or off' -r -f
complete -c claude -n "__fish_claude_using_subcommand vision" -l effort -d 'Effort (output_config.effort)' -r -f -a "low\t''
medium\t''
high\t''
xhigh\t''
max\t''"
complete -c claude -n "__fish_claude_using_subcommand vision" -l cache -d 'Automatic prompt caching, optionally with a lifetime' -r -f -a "5m\t''
1h\t''"
complete -c claude -n "__fish_claude_using_subcommand vision" -l beta -d 'Beta feature name for the anthropic-beta header (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l schema -d 'Structured output: the reply is JSON matching this JSON Schema' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l web-search -d 'Let the model search the web, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l web-fetch -d 'Let the model fetch web pages and PDFs, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l domains -d 'Search and fetch only these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l block-domains -d 'Never search or fetch these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l mcp -d 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l max-continuations -d 'Times a turn the server paused (pause_turn) is continued [default: 5]' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -s o -l output -d 'Output format [default: text, or output in the config file]' -r -f -a "text\t'The reply\'s text'
json\t'The whole Message as one JSON object'
stream-json\t'Each raw stream event as one JSON line'"
complete -c claude -n "__fish_claude_using_subcommand vision" -l render -d 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]' -r -f -a "auto\t'When stdout is a terminal, NO_COLOR is unset and TERM is not dumb'
always\t'Also in pipes and files (JSON output is never rendered)'
never\t'Never: the text as it came'"
complete -c claude -n "__fish_claude_using_subcommand vision" -l theme -d 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]' -r -f -a "auto\t'From COLORFGBG where the terminal sets it, else dark'
dark\t'For a dark background'
light\t'For a light background'"
complete -c claude -n "__fish_claude_using_subcommand vision" -l tag -d 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand vision" -l stdin -d 'Always read stdin, even from a terminal'
complete -c claude -n "__fish_claude_using_subcommand vision" -l no-stdin -d 'Never read stdin'
complete -c claude -n "__fish_claude_using_subcommand vision" -l resize -d 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
complete -c claude -n "__fish_claude_using_subcommand vision" -l citations -d 'Let the answer cite attached PDFs and text files, with numbered sources'
complete -c claude -n "__fish_claude_using_subcommand vision" -l upload -d 'Send images and PDFs as stored files, uploaded once and then reused'
complete -c claude -n "__fish_claude_using_subcommand vision" -l dry-run -d 'Print the request (key redacted) instead of sending it'
complete -c claude -n "__fish_claude_using_subcommand vision" -l code-exec -d 'Let the model run code in Anthropic\'s sandbox'
complete -c claude -n "__fish_claude_using_subcommand vision" -l no-default-tools -d 'Leave out the server tools the config file turns on'
complete -c claude -n "__fish_claude_using_subcommand vision" -l stream -d 'Print text as it arrives [default when stdout is a terminal]'
complete -c claude -n "__fish_claude_using_subcommand vision" -l no-stream -d 'Wait for the whole reply [default when stdout is not a terminal]'
complete -c claude -n "__fish_claude_using_subcommand vision" -s u -l usage -d 'After the reply, print tokens and estimated cost to stderr'
complete -c claude -n "__fish_claude_using_subcommand vision" -l show-thinking -d 'Print the model\'s thinking to stderr'
complete -c claude -n "__fish_claude_using_subcommand vision" -l no-sources -d 'Leave out the [n] citation markers and the Sources list'
complete -c claude -n "__fish_claude_using_subcommand vision" -l raw -d 'Print the reply\'s text exactly as it came: --render never'
complete -c claude -n "__fish_claude_using_subcommand vision" -l no-log -d 'Keep nothing of this run in the ledger'
complete -c claude -n "__fish_claude_using_subcommand vision" -l ignore-budget -d 'Send even when the daily budget is reached'
complete -c claude -n "__fish_claude_using_subcommand vision" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand vision" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand vision" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand count" -s f -s a -l file -l attach -d 'Attach files or http(s) URLs (repeatable; takes a shell glob\'s paths); - is stdin' -r -F
complete -c claude -n "__fish_claude_using_subcommand count" -l url-as -d 'Send every URL as this kind, whatever its path says' -r -f -a "image\t'An image block'
document\t'A document block (PDF)'"
complete -c claude -n "__fish_claude_using_subcommand count" -l file-id -d 'Attach a stored file by id (repeatable): an image or a document by its type' -r
complete -c claude -n "__fish_claude_using_subcommand count" -s m -l model -d 'Model id or alias: opus, sonnet, haiku [default: sonnet]' -r
complete -c claude -n "__fish_claude_using_subcommand count" -s s -l system -d 'System prompt' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l system-file -d 'Read the system prompt from a file' -r -F
complete -c claude -n "__fish_claude_using_subcommand count" -l max-tokens -d 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]' -r
complete -c claude -n "__fish_claude_using_subcommand count" -s t -l temperature -d 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l top-p -d 'Nucleus sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l top-k -d 'Top-k sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l stop -d 'Stop sequence (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l thinking -d 'Extended thinking: adaptive, a token budget, or off' -r -f
complete -c claude -n "__fish_claude_using_subcommand count" -l effort -d 'Effort (output_config.effort)' -r -f -a "low\t''
medium\t''
high\t''
xhigh\t''
max\t''"
complete -c claude -n "__fish_claude_using_subcommand count" -l cache -d 'Automatic prompt caching, optionally with a lifetime' -r -f -a "5m\t''
1h\t''"
complete -c claude -n "__fish_claude_using_subcommand count" -l beta -d 'Beta feature name for the anthropic-beta header (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l schema -d 'Structured output: the reply is JSON matching this JSON Schema' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l web-search -d 'Let the model search the web, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l web-fetch -d 'Let the model fetch web pages and PDFs, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l domains -d 'Search and fetch only these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l block-domains -d 'Never search or fetch these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l mcp -d 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>' -r
complete -c claude -n "__fish_claude_using_subcommand count" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand count" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand count" -l stdin -d 'Always read stdin, even from a terminal'
complete -c claude -n "__fish_claude_using_subcommand count" -l no-stdin -d 'Never read stdin'
complete -c claude -n "__fish_claude_using_subcommand count" -l resize -d 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
complete -c claude -n "__fish_claude_using_subcommand count" -l citations -d 'Let the answer cite attached PDFs and text files, with numbered sources'
complete -c claude -n "__fish_claude_using_subcommand count" -l upload -d 'Send images and PDFs as stored files, uploaded once and then reused'
complete -c claude -n "__fish_claude_using_subcommand count" -l dry-run -d 'Print the request (key redacted) instead of sending it'
complete -c claude -n "__fish_claude_using_subcommand count" -l code-exec -d 'Let the model run code in Anthropic\'s sandbox'
complete -c claude -n "__fish_claude_using_subcommand count" -l no-default-tools -d 'Leave out the server tools the config file turns on'
complete -c claude -n "__fish_claude_using_subcommand count" -l cost -d 'Also print the estimated input cost in USD to stderr'
complete -c claude -n "__fish_claude_using_subcommand count" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand count" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand count" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand chat" -l session -d 'Name the session, or resume it if it exists' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l show -d 'Print a saved session as a transcript (-o json: the file)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l delete -d 'Delete a saved session' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -s f -s a -l file -l attach -d 'Attach files or http(s) URLs (repeatable; takes a shell glob\'s paths); - is stdin' -r -F
complete -c claude -n "__fish_claude_using_subcommand chat" -l url-as -d 'Send every URL as this kind, whatever its path says' -r -f -a "image\t'An image block'
document\t'A document block (PDF)'"
complete -c claude -n "__fish_claude_using_subcommand chat" -l file-id -d 'Attach a stored file by id (repeatable): an image or a document by its type' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -s m -l model -d 'Model id or alias: opus, sonnet, haiku [default: sonnet]' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -s s -l system -d 'System prompt' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l system-file -d 'Read the system prompt from a file' -r -F
complete -c claude -n "__fish_claude_using_subcommand chat" -l max-tokens -d 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -s t -l temperature -d 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l top-p -d 'Nucleus sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l top-k -d 'Top-k sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l stop -d 'Stop sequence (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l thinking -d 'Extended thinking: adaptive, a token budget, or off' -r -f
complete -c claude -n "__fish_claude_using_subcommand chat" -l effort -d 'Effort (output_config.effort)' -r -f -a "low\t''
medium\t''
high\t''
xhigh\t''
max\t''"
complete -c claude -n "__fish_claude_using_subcommand chat" -l cache -d 'Automatic prompt caching, optionally with a lifetime' -r -f -a "5m\t''
1h\t''"
complete -c claude -n "__fish_claude_using_subcommand chat" -l beta -d 'Beta feature name for the anthropic-beta header (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l schema -d 'Structured output: the reply is JSON matching this JSON Schema' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l web-search -d 'Let the model search the web, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l web-fetch -d 'Let the model fetch web pages and PDFs, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l domains -d 'Search and fetch only these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l block-domains -d 'Never search or fetch these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l mcp -d 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l max-continuations -d 'Times a turn the server paused (pause_turn) is continued [default: 5]' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -s o -l output -d 'Output format [default: text, or output in the config file]' -r -f -a "text\t'The reply\'s text'
json\t'The whole Message as one JSON object'
stream-json\t'Each raw stream event as one JSON line'"
complete -c claude -n "__fish_claude_using_subcommand chat" -l render -d 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]' -r -f -a "auto\t'When stdout is a terminal, NO_COLOR is unset and TERM is not dumb'
always\t'Also in pipes and files (JSON output is never rendered)'
never\t'Never: the text as it came'"
complete -c claude -n "__fish_claude_using_subcommand chat" -l theme -d 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]' -r -f -a "auto\t'From COLORFGBG where the terminal sets it, else dark'
dark\t'For a dark background'
light\t'For a light background'"
complete -c claude -n "__fish_claude_using_subcommand chat" -l tag -d 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand chat" -s c -l continue -d 'Resume the most recently used session'
complete -c claude -n "__fish_claude_using_subcommand chat" -l list -d 'List saved sessions, the most recent first'
complete -c claude -n "__fish_claude_using_subcommand chat" -l compact -d 'Let the server compact long conversations (context_management)'
complete -c claude -n "__fish_claude_using_subcommand chat" -l stdin -d 'Always read stdin, even from a terminal'
complete -c claude -n "__fish_claude_using_subcommand chat" -l no-stdin -d 'Never read stdin'
complete -c claude -n "__fish_claude_using_subcommand chat" -l resize -d 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
complete -c claude -n "__fish_claude_using_subcommand chat" -l citations -d 'Let the answer cite attached PDFs and text files, with numbered sources'
complete -c claude -n "__fish_claude_using_subcommand chat" -l upload -d 'Send images and PDFs as stored files, uploaded once and then reused'
complete -c claude -n "__fish_claude_using_subcommand chat" -l dry-run -d 'Print the request (key redacted) instead of sending it'
complete -c claude -n "__fish_claude_using_subcommand chat" -l code-exec -d 'Let the model run code in Anthropic\'s sandbox'
complete -c claude -n "__fish_claude_using_subcommand chat" -l no-default-tools -d 'Leave out the server tools the config file turns on'
complete -c claude -n "__fish_claude_using_subcommand chat" -l stream -d 'Print text as it arrives [default when stdout is a terminal]'
complete -c claude -n "__fish_claude_using_subcommand chat" -l no-stream -d 'Wait for the whole reply [default when stdout is not a terminal]'
complete -c claude -n "__fish_claude_using_subcommand chat" -s u -l usage -d 'After the reply, print tokens and estimated cost to stderr'
complete -c claude -n "__fish_claude_using_subcommand chat" -l show-thinking -d 'Print the model\'s thinking to stderr'
complete -c claude -n "__fish_claude_using_subcommand chat" -l no-sources -d 'Leave out the [n] citation markers and the Sources list'
complete -c claude -n "__fish_claude_using_subcommand chat" -l raw -d 'Print the reply\'s text exactly as it came: --render never'
complete -c claude -n "__fish_claude_using_subcommand chat" -l no-log -d 'Keep nothing of this run in the ledger'
complete -c claude -n "__fish_claude_using_subcommand chat" -l ignore-budget -d 'Send even when the daily budget is reached'
complete -c claude -n "__fish_claude_using_subcommand chat" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand chat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand chat" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand models" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand models" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand models" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand models" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand models" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand models" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand models" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand models" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand models" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand models" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand models" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand models" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -f -a "submit" -d 'Check a JSONL or text file of requests, send it as one batch, print its id'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -f -a "status" -d 'Show a batch\'s status and its counts of requests by status'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -f -a "wait" -d 'Wait for a batch to end, with a progress bar on a terminal'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -f -a "results" -d 'Stream an ended batch\'s results as JSONL (-o text: custom_id<TAB>text)'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -f -a "list" -d 'List recent batches'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -f -a "cancel" -d 'Cancel a batch'
complete -c claude -n "__fish_claude_using_subcommand batch; and not __fish_seen_subcommand_from submit status wait results list cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l poll-interval -d 'Seconds before the first status check; the wait grows to a minute' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s o -l output -d 'Results as JSONL (json) or as custom_id<TAB>text lines (text)' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s m -l model -d 'Model id or alias: opus, sonnet, haiku [default: sonnet]' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s s -l system -d 'System prompt' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l system-file -d 'Read the system prompt from a file' -r -F
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l max-tokens -d 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s t -l temperature -d 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l top-p -d 'Nucleus sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l top-k -d 'Top-k sampling (needs --api-version 2023-06-01)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l stop -d 'Stop sequence (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l thinking -d 'Extended thinking: adaptive, a token budget, or off' -r -f
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l effort -d 'Effort (output_config.effort)' -r -f -a "low\t''
medium\t''
high\t''
xhigh\t''
max\t''"
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l cache -d 'Automatic prompt caching, optionally with a lifetime' -r -f -a "5m\t''
1h\t''"
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l beta -d 'Beta feature name for the anthropic-beta header (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l schema -d 'Structured output: the reply is JSON matching this JSON Schema' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l web-search -d 'Let the model search the web, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l web-fetch -d 'Let the model fetch web pages and PDFs, at most MAX_USES times a request' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l domains -d 'Search and fetch only these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l block-domains -d 'Never search or fetch these domains (comma-separated)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l mcp -d 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l tag -d 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l wait -d 'Then wait for the batch to end and print its results'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s u -l usage -d 'After the results, tokens and cost at batch prices on stderr'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l dry-run -d 'Print the request (key redacted) instead of sending it'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l code-exec -d 'Let the model run code in Anthropic\'s sandbox'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l no-default-tools -d 'Leave out the server tools the config file turns on'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l no-log -d 'Keep nothing of this run in the ledger'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -l ignore-budget -d 'Send even when the daily budget is reached'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from submit" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l poll-interval -d 'Seconds before the first status check; the wait grows to a minute' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -s o -l output -d 'Results as JSONL (json) or as custom_id<TAB>text lines (text)' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l tag -d 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -s u -l usage -d 'After the results, tokens and cost at batch prices on stderr'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l no-log -d 'Keep nothing of this run in the ledger'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -l ignore-budget -d 'Send even when the daily budget is reached'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from results" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Check a JSONL or text file of requests, send it as one batch, print its id'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a batch\'s status and its counts of requests by status'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait for a batch to end, with a progress bar on a terminal'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "results" -d 'Stream an ended batch\'s results as JSONL (-o text: custom_id<TAB>text)'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "list" -d 'List recent batches'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel a batch'
complete -c claude -n "__fish_claude_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -f -a "upload" -d 'Upload files, read from disk as they are sent; print their ids'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -f -a "list" -d 'List the stored files (--cached: the local upload cache)'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -f -a "info" -d 'Show a stored file\'s metadata'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -f -a "delete" -d 'Delete stored files'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -f -a "download" -d 'Write a stored file\'s content to stdout or to a file'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -f -a "forget" -d 'Drop entries from the local upload cache (the stored files stay)'
complete -c claude -n "__fish_claude_using_subcommand files; and not __fish_seen_subcommand_from upload list info delete download forget help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l expires -d 'Delete the stored files after this long: 1h to 90d (3600, 90m, 12h, 7d)' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -s o -l output -d 'Output: the ids, one per line (text), or the API\'s metadata (json)' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from upload" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -l cached -d 'List the local upload cache instead: what --upload reuses'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -s o -l output -d 'Write to this file instead of stdout (- is stdout)' -r -F
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -l all -d 'Drop every entry'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from forget" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from help" -f -a "upload" -d 'Upload files, read from disk as they are sent; print their ids'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the stored files (--cached: the local upload cache)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show a stored file\'s metadata'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete stored files'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from help" -f -a "download" -d 'Write a stored file\'s content to stdout or to a file'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from help" -f -a "forget" -d 'Drop entries from the local upload cache (the stored files stay)'
complete -c claude -n "__fish_claude_using_subcommand files; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -s n -l count -d 'How many runs to list, the newest first' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -s q -l query -d 'Only runs whose prompt or reply has all these words (word* for a prefix)' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l since -d 'Only runs since then: 7d, 12h, 2w, or a date (2026-11-01)' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -s m -l model -d 'Only runs of this model (an id or an alias)' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l tag -d 'Only runs with this tag' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l session -d 'Only runs of this chat session' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -s o -l output -d 'Output format (json: JSON Lines, one run per line)' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -l failed -d 'Only runs that did not exit 0'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -f -a "show" -d 'Print one run whole: prompt, reply, tokens, cost, timings'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -f -a "prune" -d 'Delete the runs older than a period, and give their space back'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -f -a "path" -d 'Print the ledger file\'s path'
complete -c claude -n "__fish_claude_using_subcommand log; and not __fish_seen_subcommand_from show prune path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete the runs older than this: 90d, 12w, or a date (2026-01-01)' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print one run whole: prompt, reply, tokens, cost, timings'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete the runs older than a period, and give their space back'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the ledger file\'s path'
complete -c claude -n "__fish_claude_using_subcommand log; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand cost" -l since -d 'Count the runs since then: 30d, 12h, 2w, or a date (2026-11-01)' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l by -d 'One row per local day, model, tag or command' -r -f -a "day\t''
model\t''
tag\t''
command\t''"
complete -c claude -n "__fish_claude_using_subcommand cost" -s o -l output -d 'Output format (json: JSON Lines, one row per line, the total last)' -r -f -a "text\t'Plain text, one item per line'
json\t'The API\'s JSON'"
complete -c claude -n "__fish_claude_using_subcommand cost" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand cost" -l all -d 'Count every run in the ledger, however old'
complete -c claude -n "__fish_claude_using_subcommand cost" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand cost" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand cost" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -f -a "path" -d 'Print the config file\'s path'
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -f -a "show" -d 'Print the settings in effect and where each comes from (the key redacted)'
complete -c claude -n "__fish_claude_using_subcommand config; and not __fish_seen_subcommand_from path show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the settings in effect and where each comes from (the key redacted)'
complete -c claude -n "__fish_claude_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand completions" -l api-key -d 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -l api-version -d 'anthropic-version header; 2023-06-01 still works' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -l base-url -d 'API base URL' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -l max-retries -d 'Retries for 408, 409, 429, 5xx, 529 and network failures' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -l max-retry-wait -d 'Longest server-requested wait (retry-after) to sleep through' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -l timeout -d 'Seconds to wait for a connection and for each piece of the reply' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -l max-time -d 'Seconds the whole command may spend on the network, retries included' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -l fallback-model -d 'When retries for 529/5xx are spent, send the request once to MODEL' -r
complete -c claude -n "__fish_claude_using_subcommand completions" -s v -l verbose -d 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
complete -c claude -n "__fish_claude_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c claude -n "__fish_claude_using_subcommand completions" -s V -l version -d 'Print version'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "ask" -d 'Send one request: the prompt from arguments, stdin and files'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "vision" -d 'Describe or question images (files, - for stdin, or URLs)'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "count" -d 'Count the input tokens of the request ask would send'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "chat" -d 'Talk in turns: a REPL on a terminal, one turn per call from a pipe'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "models" -d 'List the models the key can use, or show one'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "batch" -d 'Message Batches: many requests at half price, run by the API'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "files" -d 'Files API: upload once, then name the file in any request'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "log" -d 'Search and show past runs from the local ledger'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "cost" -d 'What the runs in the ledger cost, by day, model, tag or command'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "config" -d 'Show where the config file is, or the settings in effect'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c claude -n "__fish_claude_using_subcommand help; and not __fish_seen_subcommand_from ask vision count chat models batch files log cost config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "submit" -d 'Check a JSONL or text file of requests, send it as one batch, print its id'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "status" -d 'Show a batch\'s status and its counts of requests by status'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "wait" -d 'Wait for a batch to end, with a progress bar on a terminal'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "results" -d 'Stream an ended batch\'s results as JSONL (-o text: custom_id<TAB>text)'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "list" -d 'List recent batches'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "cancel" -d 'Cancel a batch'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from files" -f -a "upload" -d 'Upload files, read from disk as they are sent; print their ids'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from files" -f -a "list" -d 'List the stored files (--cached: the local upload cache)'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from files" -f -a "info" -d 'Show a stored file\'s metadata'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from files" -f -a "delete" -d 'Delete stored files'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from files" -f -a "download" -d 'Write a stored file\'s content to stdout or to a file'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from files" -f -a "forget" -d 'Drop entries from the local upload cache (the stored files stay)'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "show" -d 'Print one run whole: prompt, reply, tokens, cost, timings'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "prune" -d 'Delete the runs older than a period, and give their space back'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from log" -f -a "path" -d 'Print the ledger file\'s path'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c claude -n "__fish_claude_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the settings in effect and where each comes from (the key redacted)'
