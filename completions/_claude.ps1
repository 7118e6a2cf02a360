
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'claude' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'claude'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'claude' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ask', 'ask', [CompletionResultType]::ParameterValue, 'Send one request: the prompt from arguments, stdin and files')
            [CompletionResult]::new('vision', 'vision', [CompletionResultType]::ParameterValue, 'Describe or question images (files, - for stdin, or URLs)')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count the input tokens of the request ask would send')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Talk in turns: a REPL on a terminal, one turn per call from a pipe')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'List the models the key can use, or show one')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Message Batches: many requests at half price, run by the API')
            [CompletionResult]::new('files', 'files', [CompletionResultType]::ParameterValue, 'Files API: upload once, then name the file in any request')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Search and show past runs from the local ledger')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'What the runs in the ledger cost, by day, model, tag or command')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show where the config file is, or the settings in effect')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;ask' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--url-as', '--url-as', [CompletionResultType]::ParameterName, 'Send every URL as this kind, whatever its path says')
            [CompletionResult]::new('--file-id', '--file-id', [CompletionResultType]::ParameterName, 'Attach a stored file by id (repeatable): an image or a document by its type')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system-file', '--system-file', [CompletionResultType]::ParameterName, 'Read the system prompt from a file')
            [CompletionResult]::new('--max-tokens', '--max-tokens', [CompletionResultType]::ParameterName, 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-k', '--top-k', [CompletionResultType]::ParameterName, 'Top-k sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop sequence (repeatable)')
            [CompletionResult]::new('--thinking', '--thinking', [CompletionResultType]::ParameterName, 'Extended thinking: adaptive, a token budget, or off')
            [CompletionResult]::new('--effort', '--effort', [CompletionResultType]::ParameterName, 'Effort (output_config.effort)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Automatic prompt caching, optionally with a lifetime')
            [CompletionResult]::new('--beta', '--beta', [CompletionResultType]::ParameterName, 'Beta feature name for the anthropic-beta header (repeatable)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Structured output: the reply is JSON matching this JSON Schema')
            [CompletionResult]::new('--web-search', '--web-search', [CompletionResultType]::ParameterName, 'Let the model search the web, at most MAX_USES times a request')
            [CompletionResult]::new('--web-fetch', '--web-fetch', [CompletionResultType]::ParameterName, 'Let the model fetch web pages and PDFs, at most MAX_USES times a request')
            [CompletionResult]::new('--domains', '--domains', [CompletionResultType]::ParameterName, 'Search and fetch only these domains (comma-separated)')
            [CompletionResult]::new('--block-domains', '--block-domains', [CompletionResultType]::ParameterName, 'Never search or fetch these domains (comma-separated)')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>')
            [CompletionResult]::new('--max-continuations', '--max-continuations', [CompletionResultType]::ParameterName, 'Times a turn the server paused (pause_turn) is continued [default: 5]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: text, or output in the config file]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: text, or output in the config file]')
            [CompletionResult]::new('--render', '--render', [CompletionResultType]::ParameterName, 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Claude Code''s print mode (`claude -p "…"`): ask always prints, so the flag is accepted for the habit and changes nothing')
            [CompletionResult]::new('--print', '--print', [CompletionResultType]::ParameterName, 'Claude Code''s print mode (`claude -p "…"`): ask always prints, so the flag is accepted for the habit and changes nothing')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Always read stdin, even from a terminal')
            [CompletionResult]::new('--no-stdin', '--no-stdin', [CompletionResultType]::ParameterName, 'Never read stdin')
            [CompletionResult]::new('--resize', '--resize', [CompletionResultType]::ParameterName, 'Shrink images to 1568 px on the long edge and under the 5 MB limit')
            [CompletionResult]::new('--citations', '--citations', [CompletionResultType]::ParameterName, 'Let the answer cite attached PDFs and text files, with numbered sources')
            [CompletionResult]::new('--upload', '--upload', [CompletionResultType]::ParameterName, 'Send images and PDFs as stored files, uploaded once and then reused')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (key redacted) instead of sending it')
            [CompletionResult]::new('--code-exec', '--code-exec', [CompletionResultType]::ParameterName, 'Let the model run code in Anthropic''s sandbox')
            [CompletionResult]::new('--no-default-tools', '--no-default-tools', [CompletionResultType]::ParameterName, 'Leave out the server tools the config file turns on')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Print text as it arrives [default when stdout is a terminal]')
            [CompletionResult]::new('--no-stream', '--no-stream', [CompletionResultType]::ParameterName, 'Wait for the whole reply [default when stdout is not a terminal]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'After the reply, print tokens and estimated cost to stderr')
            [CompletionResult]::new('--usage', '--usage', [CompletionResultType]::ParameterName, 'After the reply, print tokens and estimated cost to stderr')
            [CompletionResult]::new('--show-thinking', '--show-thinking', [CompletionResultType]::ParameterName, 'Print the model''s thinking to stderr')
            [CompletionResult]::new('--no-sources', '--no-sources', [CompletionResultType]::ParameterName, 'Leave out the [n] citation markers and the Sources list')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply''s text exactly as it came: --render never')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Keep nothing of this run in the ledger')
            [CompletionResult]::new('--ignore-budget', '--ignore-budget', [CompletionResultType]::ParameterName, 'Send even when the daily budget is reached')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;vision' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The question [default: "Describe this image." or, for several, "Describe these images."]')
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The question [default: "Describe this image." or, for several, "Describe these images."]')
            [CompletionResult]::new('--url-as', '--url-as', [CompletionResultType]::ParameterName, 'Send every URL as this kind, whatever its path says')
            [CompletionResult]::new('--file-id', '--file-id', [CompletionResultType]::ParameterName, 'Attach a stored file by id (repeatable): an image or a document by its type')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system-file', '--system-file', [CompletionResultType]::ParameterName, 'Read the system prompt from a file')
            [CompletionResult]::new('--max-tokens', '--max-tokens', [CompletionResultType]::ParameterName, 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-k', '--top-k', [CompletionResultType]::ParameterName, 'Top-k sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop sequence (repeatable)')
            [CompletionResult]::new('--thinking', '--thinking', [CompletionResultType]::ParameterName, 'Extended thinking: adaptive, a token budget, or off')
            [CompletionResult]::new('--effort', '--effort', [CompletionResultType]::ParameterName, 'Effort (output_config.effort)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Automatic prompt caching, optionally with a lifetime')
            [CompletionResult]::new('--beta', '--beta', [CompletionResultType]::ParameterName, 'Beta feature name for the anthropic-beta header (repeatable)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Structured output: the reply is JSON matching this JSON Schema')
            [CompletionResult]::new('--web-search', '--web-search', [CompletionResultType]::ParameterName, 'Let the model search the web, at most MAX_USES times a request')
            [CompletionResult]::new('--web-fetch', '--web-fetch', [CompletionResultType]::ParameterName, 'Let the model fetch web pages and PDFs, at most MAX_USES times a request')
            [CompletionResult]::new('--domains', '--domains', [CompletionResultType]::ParameterName, 'Search and fetch only these domains (comma-separated)')
            [CompletionResult]::new('--block-domains', '--block-domains', [CompletionResultType]::ParameterName, 'Never search or fetch these domains (comma-separated)')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>')
            [CompletionResult]::new('--max-continuations', '--max-continuations', [CompletionResultType]::ParameterName, 'Times a turn the server paused (pause_turn) is continued [default: 5]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: text, or output in the config file]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: text, or output in the config file]')
            [CompletionResult]::new('--render', '--render', [CompletionResultType]::ParameterName, 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Always read stdin, even from a terminal')
            [CompletionResult]::new('--no-stdin', '--no-stdin', [CompletionResultType]::ParameterName, 'Never read stdin')
            [CompletionResult]::new('--resize', '--resize', [CompletionResultType]::ParameterName, 'Shrink images to 1568 px on the long edge and under the 5 MB limit')
            [CompletionResult]::new('--citations', '--citations', [CompletionResultType]::ParameterName, 'Let the answer cite attached PDFs and text files, with numbered sources')
            [CompletionResult]::new('--upload', '--upload', [CompletionResultType]::ParameterName, 'Send images and PDFs as stored files, uploaded once and then reused')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (key redacted) instead of sending it')
            [CompletionResult]::new('--code-exec', '--code-exec', [CompletionResultType]::ParameterName, 'Let the model run code in Anthropic''s sandbox')
            [CompletionResult]::new('--no-default-tools', '--no-default-tools', [CompletionResultType]::ParameterName, 'Leave out the server tools the config file turns on')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Print text as it arrives [default when stdout is a terminal]')
            [CompletionResult]::new('--no-stream', '--no-stream', [CompletionResultType]::ParameterName, 'Wait for the whole reply [default when stdout is not a terminal]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'After the reply, print tokens and estimated cost to stderr')
            [CompletionResult]::new('--usage', '--usage', [CompletionResultType]::ParameterName, 'After the reply, print tokens and estimated cost to stderr')
            [CompletionResult]::new('--show-thinking', '--show-thinking', [CompletionResultType]::ParameterName, 'Print the model''s thinking to stderr')
            [CompletionResult]::new('--no-sources', '--no-sources', [CompletionResultType]::ParameterName, 'Leave out the [n] citation markers and the Sources list')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply''s text exactly as it came: --render never')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Keep nothing of this run in the ledger')
            [CompletionResult]::new('--ignore-budget', '--ignore-budget', [CompletionResultType]::ParameterName, 'Send even when the daily budget is reached')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;count' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--url-as', '--url-as', [CompletionResultType]::ParameterName, 'Send every URL as this kind, whatever its path says')
            [CompletionResult]::new('--file-id', '--file-id', [CompletionResultType]::ParameterName, 'Attach a stored file by id (repeatable): an image or a document by its type')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system-file', '--system-file', [CompletionResultType]::ParameterName, 'Read the system prompt from a file')
            [CompletionResult]::new('--max-tokens', '--max-tokens', [CompletionResultType]::ParameterName, 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-k', '--top-k', [CompletionResultType]::ParameterName, 'Top-k sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop sequence (repeatable)')
            [CompletionResult]::new('--thinking', '--thinking', [CompletionResultType]::ParameterName, 'Extended thinking: adaptive, a token budget, or off')
            [CompletionResult]::new('--effort', '--effort', [CompletionResultType]::ParameterName, 'Effort (output_config.effort)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Automatic prompt caching, optionally with a lifetime')
            [CompletionResult]::new('--beta', '--beta', [CompletionResultType]::ParameterName, 'Beta feature name for the anthropic-beta header (repeatable)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Structured output: the reply is JSON matching this JSON Schema')
            [CompletionResult]::new('--web-search', '--web-search', [CompletionResultType]::ParameterName, 'Let the model search the web, at most MAX_USES times a request')
            [CompletionResult]::new('--web-fetch', '--web-fetch', [CompletionResultType]::ParameterName, 'Let the model fetch web pages and PDFs, at most MAX_USES times a request')
            [CompletionResult]::new('--domains', '--domains', [CompletionResultType]::ParameterName, 'Search and fetch only these domains (comma-separated)')
            [CompletionResult]::new('--block-domains', '--block-domains', [CompletionResultType]::ParameterName, 'Never search or fetch these domains (comma-separated)')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Always read stdin, even from a terminal')
            [CompletionResult]::new('--no-stdin', '--no-stdin', [CompletionResultType]::ParameterName, 'Never read stdin')
            [CompletionResult]::new('--resize', '--resize', [CompletionResultType]::ParameterName, 'Shrink images to 1568 px on the long edge and under the 5 MB limit')
            [CompletionResult]::new('--citations', '--citations', [CompletionResultType]::ParameterName, 'Let the answer cite attached PDFs and text files, with numbered sources')
            [CompletionResult]::new('--upload', '--upload', [CompletionResultType]::ParameterName, 'Send images and PDFs as stored files, uploaded once and then reused')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (key redacted) instead of sending it')
            [CompletionResult]::new('--code-exec', '--code-exec', [CompletionResultType]::ParameterName, 'Let the model run code in Anthropic''s sandbox')
            [CompletionResult]::new('--no-default-tools', '--no-default-tools', [CompletionResultType]::ParameterName, 'Leave out the server tools the config file turns on')
            [CompletionResult]::new('--cost', '--cost', [CompletionResultType]::ParameterName, 'Also print the estimated input cost in USD to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;chat' {
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Name the session, or resume it if it exists')
            [CompletionResult]::new('--show', '--show', [CompletionResultType]::ParameterName, 'Print a saved session as a transcript (-o json: the file)')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Delete a saved session')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--attach', '--attach', [CompletionResultType]::ParameterName, 'Attach files or http(s) URLs (repeatable; takes a shell glob''s paths); - is stdin')
            [CompletionResult]::new('--url-as', '--url-as', [CompletionResultType]::ParameterName, 'Send every URL as this kind, whatever its path says')
            [CompletionResult]::new('--file-id', '--file-id', [CompletionResultType]::ParameterName, 'Attach a stored file by id (repeatable): an image or a document by its type')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system-file', '--system-file', [CompletionResultType]::ParameterName, 'Read the system prompt from a file')
            [CompletionResult]::new('--max-tokens', '--max-tokens', [CompletionResultType]::ParameterName, 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-k', '--top-k', [CompletionResultType]::ParameterName, 'Top-k sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop sequence (repeatable)')
            [CompletionResult]::new('--thinking', '--thinking', [CompletionResultType]::ParameterName, 'Extended thinking: adaptive, a token budget, or off')
            [CompletionResult]::new('--effort', '--effort', [CompletionResultType]::ParameterName, 'Effort (output_config.effort)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Automatic prompt caching, optionally with a lifetime')
            [CompletionResult]::new('--beta', '--beta', [CompletionResultType]::ParameterName, 'Beta feature name for the anthropic-beta header (repeatable)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Structured output: the reply is JSON matching this JSON Schema')
            [CompletionResult]::new('--web-search', '--web-search', [CompletionResultType]::ParameterName, 'Let the model search the web, at most MAX_USES times a request')
            [CompletionResult]::new('--web-fetch', '--web-fetch', [CompletionResultType]::ParameterName, 'Let the model fetch web pages and PDFs, at most MAX_USES times a request')
            [CompletionResult]::new('--domains', '--domains', [CompletionResultType]::ParameterName, 'Search and fetch only these domains (comma-separated)')
            [CompletionResult]::new('--block-domains', '--block-domains', [CompletionResultType]::ParameterName, 'Never search or fetch these domains (comma-separated)')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>')
            [CompletionResult]::new('--max-continuations', '--max-continuations', [CompletionResultType]::ParameterName, 'Times a turn the server paused (pause_turn) is continued [default: 5]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: text, or output in the config file]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: text, or output in the config file]')
            [CompletionResult]::new('--render', '--render', [CompletionResultType]::ParameterName, 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Resume the most recently used session')
            [CompletionResult]::new('--continue', '--continue', [CompletionResultType]::ParameterName, 'Resume the most recently used session')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List saved sessions, the most recent first')
            [CompletionResult]::new('--compact', '--compact', [CompletionResultType]::ParameterName, 'Let the server compact long conversations (context_management)')
            [CompletionResult]::new('--stdin', '--stdin', [CompletionResultType]::ParameterName, 'Always read stdin, even from a terminal')
            [CompletionResult]::new('--no-stdin', '--no-stdin', [CompletionResultType]::ParameterName, 'Never read stdin')
            [CompletionResult]::new('--resize', '--resize', [CompletionResultType]::ParameterName, 'Shrink images to 1568 px on the long edge and under the 5 MB limit')
            [CompletionResult]::new('--citations', '--citations', [CompletionResultType]::ParameterName, 'Let the answer cite attached PDFs and text files, with numbered sources')
            [CompletionResult]::new('--upload', '--upload', [CompletionResultType]::ParameterName, 'Send images and PDFs as stored files, uploaded once and then reused')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (key redacted) instead of sending it')
            [CompletionResult]::new('--code-exec', '--code-exec', [CompletionResultType]::ParameterName, 'Let the model run code in Anthropic''s sandbox')
            [CompletionResult]::new('--no-default-tools', '--no-default-tools', [CompletionResultType]::ParameterName, 'Leave out the server tools the config file turns on')
            [CompletionResult]::new('--stream', '--stream', [CompletionResultType]::ParameterName, 'Print text as it arrives [default when stdout is a terminal]')
            [CompletionResult]::new('--no-stream', '--no-stream', [CompletionResultType]::ParameterName, 'Wait for the whole reply [default when stdout is not a terminal]')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'After the reply, print tokens and estimated cost to stderr')
            [CompletionResult]::new('--usage', '--usage', [CompletionResultType]::ParameterName, 'After the reply, print tokens and estimated cost to stderr')
            [CompletionResult]::new('--show-thinking', '--show-thinking', [CompletionResultType]::ParameterName, 'Print the model''s thinking to stderr')
            [CompletionResult]::new('--no-sources', '--no-sources', [CompletionResultType]::ParameterName, 'Leave out the [n] citation markers and the Sources list')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print the reply''s text exactly as it came: --render never')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Keep nothing of this run in the ledger')
            [CompletionResult]::new('--ignore-budget', '--ignore-budget', [CompletionResultType]::ParameterName, 'Send even when the daily budget is reached')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;models' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;batch' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Check a JSONL or text file of requests, send it as one batch, print its id')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a batch''s status and its counts of requests by status')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a batch to end, with a progress bar on a terminal')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Stream an ended batch''s results as JSONL (-o text: custom_id<TAB>text)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recent batches')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a batch')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;batch;submit' {
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Seconds before the first status check; the wait grows to a minute')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Results as JSONL (json) or as custom_id<TAB>text lines (text)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Results as JSONL (json) or as custom_id<TAB>text lines (text)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id or alias: opus, sonnet, haiku [default: sonnet]')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system', '--system', [CompletionResultType]::ParameterName, 'System prompt')
            [CompletionResult]::new('--system-file', '--system-file', [CompletionResultType]::ParameterName, 'Read the system prompt from a file')
            [CompletionResult]::new('--max-tokens', '--max-tokens', [CompletionResultType]::ParameterName, 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--temperature', '--temperature', [CompletionResultType]::ParameterName, 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-p', '--top-p', [CompletionResultType]::ParameterName, 'Nucleus sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--top-k', '--top-k', [CompletionResultType]::ParameterName, 'Top-k sampling (needs --api-version 2023-06-01)')
            [CompletionResult]::new('--stop', '--stop', [CompletionResultType]::ParameterName, 'Stop sequence (repeatable)')
            [CompletionResult]::new('--thinking', '--thinking', [CompletionResultType]::ParameterName, 'Extended thinking: adaptive, a token budget, or off')
            [CompletionResult]::new('--effort', '--effort', [CompletionResultType]::ParameterName, 'Effort (output_config.effort)')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Automatic prompt caching, optionally with a lifetime')
            [CompletionResult]::new('--beta', '--beta', [CompletionResultType]::ParameterName, 'Beta feature name for the anthropic-beta header (repeatable)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Structured output: the reply is JSON matching this JSON Schema')
            [CompletionResult]::new('--web-search', '--web-search', [CompletionResultType]::ParameterName, 'Let the model search the web, at most MAX_USES times a request')
            [CompletionResult]::new('--web-fetch', '--web-fetch', [CompletionResultType]::ParameterName, 'Let the model fetch web pages and PDFs, at most MAX_USES times a request')
            [CompletionResult]::new('--domains', '--domains', [CompletionResultType]::ParameterName, 'Search and fetch only these domains (comma-separated)')
            [CompletionResult]::new('--block-domains', '--block-domains', [CompletionResultType]::ParameterName, 'Never search or fetch these domains (comma-separated)')
            [CompletionResult]::new('--mcp', '--mcp', [CompletionResultType]::ParameterName, 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Then wait for the batch to end and print its results')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'After the results, tokens and cost at batch prices on stderr')
            [CompletionResult]::new('--usage', '--usage', [CompletionResultType]::ParameterName, 'After the results, tokens and cost at batch prices on stderr')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (key redacted) instead of sending it')
            [CompletionResult]::new('--code-exec', '--code-exec', [CompletionResultType]::ParameterName, 'Let the model run code in Anthropic''s sandbox')
            [CompletionResult]::new('--no-default-tools', '--no-default-tools', [CompletionResultType]::ParameterName, 'Leave out the server tools the config file turns on')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Keep nothing of this run in the ledger')
            [CompletionResult]::new('--ignore-budget', '--ignore-budget', [CompletionResultType]::ParameterName, 'Send even when the daily budget is reached')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;batch;status' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;batch;wait' {
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'Seconds before the first status check; the wait grows to a minute')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;batch;results' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Results as JSONL (json) or as custom_id<TAB>text lines (text)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Results as JSONL (json) or as custom_id<TAB>text lines (text)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag this run in the ledger, for claude log --tag and claude cost --by tag (repeatable)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'After the results, tokens and cost at batch prices on stderr')
            [CompletionResult]::new('--usage', '--usage', [CompletionResultType]::ParameterName, 'After the results, tokens and cost at batch prices on stderr')
            [CompletionResult]::new('--no-log', '--no-log', [CompletionResultType]::ParameterName, 'Keep nothing of this run in the ledger')
            [CompletionResult]::new('--ignore-budget', '--ignore-budget', [CompletionResultType]::ParameterName, 'Send even when the daily budget is reached')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;batch;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;batch;cancel' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;batch;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Check a JSONL or text file of requests, send it as one batch, print its id')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a batch''s status and its counts of requests by status')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a batch to end, with a progress bar on a terminal')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Stream an ended batch''s results as JSONL (-o text: custom_id<TAB>text)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recent batches')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a batch')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;batch;help;submit' {
            break
        }
        'claude;batch;help;status' {
            break
        }
        'claude;batch;help;wait' {
            break
        }
        'claude;batch;help;results' {
            break
        }
        'claude;batch;help;list' {
            break
        }
        'claude;batch;help;cancel' {
            break
        }
        'claude;batch;help;help' {
            break
        }
        'claude;files' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files, read from disk as they are sent; print their ids')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the stored files (--cached: the local upload cache)')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show a stored file''s metadata')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete stored files')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Write a stored file''s content to stdout or to a file')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Drop entries from the local upload cache (the stored files stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;files;upload' {
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'Delete the stored files after this long: 1h to 90d (3600, 90m, 12h, 7d)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output: the ids, one per line (text), or the API''s metadata (json)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output: the ids, one per line (text), or the API''s metadata (json)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;files;list' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('--cached', '--cached', [CompletionResultType]::ParameterName, 'List the local upload cache instead: what --upload reuses')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;files;info' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;files;delete' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;files;download' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout (- is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout (- is stdout)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;files;forget' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Drop every entry')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;files;help' {
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files, read from disk as they are sent; print their ids')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the stored files (--cached: the local upload cache)')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show a stored file''s metadata')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete stored files')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Write a stored file''s content to stdout or to a file')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Drop entries from the local upload cache (the stored files stay)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;files;help;upload' {
            break
        }
        'claude;files;help;list' {
            break
        }
        'claude;files;help;info' {
            break
        }
        'claude;files;help;delete' {
            break
        }
        'claude;files;help;download' {
            break
        }
        'claude;files;help;forget' {
            break
        }
        'claude;files;help;help' {
            break
        }
        'claude;log' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many runs to list, the newest first')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many runs to list, the newest first')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only runs whose prompt or reply has all these words (word* for a prefix)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Only runs whose prompt or reply has all these words (word* for a prefix)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only runs since then: 7d, 12h, 2w, or a date (2026-11-01)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Only runs of this model (an id or an alias)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Only runs of this model (an id or an alias)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only runs with this tag')
            [CompletionResult]::new('--session', '--session', [CompletionResultType]::ParameterName, 'Only runs of this chat session')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json: JSON Lines, one run per line)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json: JSON Lines, one run per line)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only runs that did not exit 0')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one run whole: prompt, reply, tokens, cost, timings')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete the runs older than a period, and give their space back')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the ledger file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;log;show' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;log;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete the runs older than this: 90d, 12w, or a date (2026-01-01)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;log;path' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;log;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one run whole: prompt, reply, tokens, cost, timings')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete the runs older than a period, and give their space back')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the ledger file''s path')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;log;help;show' {
            break
        }
        'claude;log;help;prune' {
            break
        }
        'claude;log;help;path' {
            break
        }
        'claude;log;help;help' {
            break
        }
        'claude;cost' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Count the runs since then: 30d, 12h, 2w, or a date (2026-11-01)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One row per local day, model, tag or command')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format (json: JSON Lines, one row per line, the total last)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format (json: JSON Lines, one row per line, the total last)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Count every run in the ledger, however old')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;config' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the settings in effect and where each comes from (the key redacted)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;config;path' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;config;show' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the settings in effect and where each comes from (the key redacted)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;config;help;path' {
            break
        }
        'claude;config;help;show' {
            break
        }
        'claude;config;help;help' {
            break
        }
        'claude;completions' {
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"')
            [CompletionResult]::new('--api-version', '--api-version', [CompletionResultType]::ParameterName, 'anthropic-version header; 2023-06-01 still works')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for 408, 409, 429, 5xx, 529 and network failures')
            [CompletionResult]::new('--max-retry-wait', '--max-retry-wait', [CompletionResultType]::ParameterName, 'Longest server-requested wait (retry-after) to sleep through')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for each piece of the reply')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Seconds the whole command may spend on the network, retries included')
            [CompletionResult]::new('--fallback-model', '--fallback-model', [CompletionResultType]::ParameterName, 'When retries for 529/5xx are spent, send the request once to MODEL')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'claude;help' {
            [CompletionResult]::new('ask', 'ask', [CompletionResultType]::ParameterValue, 'Send one request: the prompt from arguments, stdin and files')
            [CompletionResult]::new('vision', 'vision', [CompletionResultType]::ParameterValue, 'Describe or question images (files, - for stdin, or URLs)')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count the input tokens of the request ask would send')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Talk in turns: a REPL on a terminal, one turn per call from a pipe')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'List the models the key can use, or show one')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Message Batches: many requests at half price, run by the API')
            [CompletionResult]::new('files', 'files', [CompletionResultType]::ParameterValue, 'Files API: upload once, then name the file in any request')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Search and show past runs from the local ledger')
            [CompletionResult]::new('cost', 'cost', [CompletionResultType]::ParameterValue, 'What the runs in the ledger cost, by day, model, tag or command')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show where the config file is, or the settings in effect')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'claude;help;ask' {
            break
        }
        'claude;help;vision' {
            break
        }
        'claude;help;count' {
            break
        }
        'claude;help;chat' {
            break
        }
        'claude;help;models' {
            break
        }
        'claude;help;batch' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Check a JSONL or text file of requests, send it as one batch, print its id')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a batch''s status and its counts of requests by status')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a batch to end, with a progress bar on a terminal')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Stream an ended batch''s results as JSONL (-o text: custom_id<TAB>text)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recent batches')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a batch')
            break
        }
        'claude;help;batch;submit' {
            break
        }
        'claude;help;batch;status' {
            break
        }
        'claude;help;batch;wait' {
            break
        }
        'claude;help;batch;results' {
            break
        }
        'claude;help;batch;list' {
            break
        }
        'claude;help;batch;cancel' {
            break
        }
        'claude;help;files' {
            [CompletionResult]::new('upload', 'upload', [CompletionResultType]::ParameterValue, 'Upload files, read from disk as they are sent; print their ids')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the stored files (--cached: the local upload cache)')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show a stored file''s metadata')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete stored files')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Write a stored file''s content to stdout or to a file')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Drop entries from the local upload cache (the stored files stay)')
            break
        }
        'claude;help;files;upload' {
            break
        }
        'claude;help;files;list' {
            break
        }
        'claude;help;files;info' {
            break
        }
        'claude;help;files;delete' {
            break
        }
        'claude;help;files;download' {
            break
        }
        'claude;help;files;forget' {
            break
        }
        'claude;help;log' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one run whole: prompt, reply, tokens, cost, timings')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete the runs older than a period, and give their space back')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the ledger file''s path')
            break
        }
        'claude;help;log;show' {
            break
        }
        'claude;help;log;prune' {
            break
        }
        'claude;help;log;path' {
            break
        }
        'claude;help;cost' {
            break
        }
        'claude;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the settings in effect and where each comes from (the key redacted)')
            break
        }
        'claude;help;config;path' {
            break
        }
        'claude;help;config;show' {
            break
        }
        'claude;help;completions' {
            break
        }
        'claude;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
