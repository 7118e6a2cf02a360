
use builtin;
use str;

set edit:completion:arg-completer[claude] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'claude'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'claude'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ask 'Send one request: the prompt from arguments, stdin and files'
            cand vision 'Describe or question images (files, - for stdin, or URLs)'
            cand count 'Count the input tokens of the request ask would send'
            cand chat 'Talk in turns: a REPL on a terminal, one turn per call from a pipe'
            cand models 'List the models the key can use, or show one'
            cand batch 'Message Batches: many requests at half price, run by the API'
            cand files 'Files API: upload once, then name the file in any request'
            cand config 'Show where the config file is, or the settings in effect'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;ask'= {
            cand -f 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand -a 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --file 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --attach 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --url-as 'Send every URL as this kind, whatever its path says'
            cand -m 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand --model 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand -s 'System prompt'
            cand --system 'System prompt'
            cand --system-file 'Read the system prompt from a file'
            cand --max-tokens 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand --schema 'Structured output: the reply is JSON matching this JSON Schema'
            cand --web-search 'Let the model search the web, at most MAX_USES times a request'
            cand --web-fetch 'Let the model fetch web pages and PDFs, at most MAX_USES times a request'
            cand --domains 'Search and fetch only these domains (comma-separated)'
            cand --block-domains 'Never search or fetch these domains (comma-separated)'
            cand --mcp 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>'
            cand --max-continuations 'Times a turn the server paused (pause_turn) is continued [default: 5]'
            cand -o 'Output format [default: text, or output in the config file]'
            cand --output 'Output format [default: text, or output in the config file]'
            cand --render 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]'
            cand --theme 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -p 'Claude Code''s print mode (`claude -p "…"`): ask always prints, so the flag is accepted for the habit and changes nothing'
            cand --print 'Claude Code''s print mode (`claude -p "…"`): ask always prints, so the flag is accepted for the habit and changes nothing'
            cand --stdin 'Always read stdin, even from a terminal'
            cand --no-stdin 'Never read stdin'
            cand --resize 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --code-exec 'Let the model run code in Anthropic''s sandbox'
            cand --no-default-tools 'Leave out the server tools the config file turns on'
            cand --stream 'Print text as it arrives [default when stdout is a terminal]'
            cand --no-stream 'Wait for the whole reply [default when stdout is not a terminal]'
            cand -u 'After the reply, print tokens and estimated cost to stderr'
            cand --usage 'After the reply, print tokens and estimated cost to stderr'
            cand --show-thinking 'Print the model''s thinking to stderr'
            cand --raw 'Print the reply''s text exactly as it came: --render never'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;vision'= {
            cand -p 'The question [default: "Describe this image." or, for several, "Describe these images."]'
            cand --prompt 'The question [default: "Describe this image." or, for several, "Describe these images."]'
            cand --url-as 'Send every URL as this kind, whatever its path says'
            cand -m 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand --model 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand -s 'System prompt'
            cand --system 'System prompt'
            cand --system-file 'Read the system prompt from a file'
            cand --max-tokens 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand --schema 'Structured output: the reply is JSON matching this JSON Schema'
            cand --web-search 'Let the model search the web, at most MAX_USES times a request'
            cand --web-fetch 'Let the model fetch web pages and PDFs, at most MAX_USES times a request'
            cand --domains 'Search and fetch only these domains (comma-separated)'
            cand --block-domains 'Never search or fetch these domains (comma-separated)'
            cand --mcp 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>'
            cand --max-continuations 'Times a turn the server paused (pause_turn) is continued [default: 5]'
            cand -o 'Output format [default: text, or output in the config file]'
            cand --output 'Output format [default: text, or output in the config file]'
            cand --render 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]'
            cand --theme 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --stdin 'Always read stdin, even from a terminal'
            cand --no-stdin 'Never read stdin'
            cand --resize 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --code-exec 'Let the model run code in Anthropic''s sandbox'
            cand --no-default-tools 'Leave out the server tools the config file turns on'
            cand --stream 'Print text as it arrives [default when stdout is a terminal]'
            cand --no-stream 'Wait for the whole reply [default when stdout is not a terminal]'
            cand -u 'After the reply, print tokens and estimated cost to stderr'
            cand --usage 'After the reply, print tokens and estimated cost to stderr'
            cand --show-thinking 'Print the model''s thinking to stderr'
            cand --raw 'Print the reply''s text exactly as it came: --render never'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;count'= {
            cand -f 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand -a 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --file 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --attach 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --url-as 'Send every URL as this kind, whatever its path says'
            cand -m 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand --model 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand -s 'System prompt'
            cand --system 'System prompt'
            cand --system-file 'Read the system prompt from a file'
            cand --max-tokens 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand --schema 'Structured output: the reply is JSON matching this JSON Schema'
            cand --web-search 'Let the model search the web, at most MAX_USES times a request'
            cand --web-fetch 'Let the model fetch web pages and PDFs, at most MAX_USES times a request'
            cand --domains 'Search and fetch only these domains (comma-separated)'
            cand --block-domains 'Never search or fetch these domains (comma-separated)'
            cand --mcp 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --stdin 'Always read stdin, even from a terminal'
            cand --no-stdin 'Never read stdin'
            cand --resize 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --code-exec 'Let the model run code in Anthropic''s sandbox'
            cand --no-default-tools 'Leave out the server tools the config file turns on'
            cand --cost 'Also print the estimated input cost in USD to stderr'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;chat'= {
            cand --session 'Name the session, or resume it if it exists'
            cand --show 'Print a saved session as a transcript (-o json: the file)'
            cand --delete 'Delete a saved session'
            cand -f 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand -a 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --file 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --attach 'Attach a file or an http(s) URL (repeatable); - is stdin'
            cand --url-as 'Send every URL as this kind, whatever its path says'
            cand -m 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand --model 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand -s 'System prompt'
            cand --system 'System prompt'
            cand --system-file 'Read the system prompt from a file'
            cand --max-tokens 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand --schema 'Structured output: the reply is JSON matching this JSON Schema'
            cand --web-search 'Let the model search the web, at most MAX_USES times a request'
            cand --web-fetch 'Let the model fetch web pages and PDFs, at most MAX_USES times a request'
            cand --domains 'Search and fetch only these domains (comma-separated)'
            cand --block-domains 'Never search or fetch these domains (comma-separated)'
            cand --mcp 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>'
            cand --max-continuations 'Times a turn the server paused (pause_turn) is continued [default: 5]'
            cand -o 'Output format [default: text, or output in the config file]'
            cand --output 'Output format [default: text, or output in the config file]'
            cand --render 'Render Markdown in text output: auto renders only on a terminal, without NO_COLOR or TERM=dumb [default: auto, or render in the config file]'
            cand --theme 'Colours of rendered Markdown; auto reads COLORFGBG, else dark [default: auto, or theme in the config file]'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -c 'Resume the most recently used session'
            cand --continue 'Resume the most recently used session'
            cand --list 'List saved sessions, the most recent first'
            cand --compact 'Let the server compact long conversations (context_management)'
            cand --stdin 'Always read stdin, even from a terminal'
            cand --no-stdin 'Never read stdin'
            cand --resize 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --code-exec 'Let the model run code in Anthropic''s sandbox'
            cand --no-default-tools 'Leave out the server tools the config file turns on'
            cand --stream 'Print text as it arrives [default when stdout is a terminal]'
            cand --no-stream 'Wait for the whole reply [default when stdout is not a terminal]'
            cand -u 'After the reply, print tokens and estimated cost to stderr'
            cand --usage 'After the reply, print tokens and estimated cost to stderr'
            cand --show-thinking 'Print the model''s thinking to stderr'
            cand --raw 'Print the reply''s text exactly as it came: --render never'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;models'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;batch'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand submit 'Check a JSONL or text file of requests, send it as one batch, print its id'
            cand status 'Show a batch''s status and its counts of requests by status'
            cand wait 'Wait for a batch to end, with a progress bar on a terminal'
            cand results 'Stream an ended batch''s results as JSONL (-o text: custom_id<TAB>text)'
            cand list 'List recent batches'
            cand cancel 'Cancel a batch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;batch;submit'= {
            cand --poll-interval 'Seconds before the first status check; the wait grows to a minute'
            cand -o 'Results as JSONL (json) or as custom_id<TAB>text lines (text)'
            cand --output 'Results as JSONL (json) or as custom_id<TAB>text lines (text)'
            cand -m 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand --model 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand -s 'System prompt'
            cand --system 'System prompt'
            cand --system-file 'Read the system prompt from a file'
            cand --max-tokens 'Most tokens the reply may have [default: 4096, or max_tokens in the config file]'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand --schema 'Structured output: the reply is JSON matching this JSON Schema'
            cand --web-search 'Let the model search the web, at most MAX_USES times a request'
            cand --web-fetch 'Let the model fetch web pages and PDFs, at most MAX_USES times a request'
            cand --domains 'Search and fetch only these domains (comma-separated)'
            cand --block-domains 'Never search or fetch these domains (comma-separated)'
            cand --mcp 'Connect a remote MCP server (repeatable); token from CLAUDE_MCP_TOKEN_<NAME>'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --wait 'Then wait for the batch to end and print its results'
            cand -u 'After the results, tokens and cost at batch prices on stderr'
            cand --usage 'After the results, tokens and cost at batch prices on stderr'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --code-exec 'Let the model run code in Anthropic''s sandbox'
            cand --no-default-tools 'Leave out the server tools the config file turns on'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;batch;status'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;batch;wait'= {
            cand --poll-interval 'Seconds before the first status check; the wait grows to a minute'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;batch;results'= {
            cand -o 'Results as JSONL (json) or as custom_id<TAB>text lines (text)'
            cand --output 'Results as JSONL (json) or as custom_id<TAB>text lines (text)'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -u 'After the results, tokens and cost at batch prices on stderr'
            cand --usage 'After the results, tokens and cost at batch prices on stderr'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;batch;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;batch;cancel'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;batch;help'= {
            cand submit 'Check a JSONL or text file of requests, send it as one batch, print its id'
            cand status 'Show a batch''s status and its counts of requests by status'
            cand wait 'Wait for a batch to end, with a progress bar on a terminal'
            cand results 'Stream an ended batch''s results as JSONL (-o text: custom_id<TAB>text)'
            cand list 'List recent batches'
            cand cancel 'Cancel a batch'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;batch;help;submit'= {
        }
        &'claude;batch;help;status'= {
        }
        &'claude;batch;help;wait'= {
        }
        &'claude;batch;help;results'= {
        }
        &'claude;batch;help;list'= {
        }
        &'claude;batch;help;cancel'= {
        }
        &'claude;batch;help;help'= {
        }
        &'claude;files'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand upload 'Upload files, read from disk as they are sent; print their ids'
            cand list 'List the stored files (--cached: the local upload cache)'
            cand info 'Show a stored file''s metadata'
            cand delete 'Delete stored files'
            cand download 'Write a stored file''s content to stdout or to a file'
            cand forget 'Drop entries from the local upload cache (the stored files stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;files;upload'= {
            cand --expires 'Delete the stored files after this long: 1h to 90d (3600, 90m, 12h, 7d)'
            cand -o 'Output: the ids, one per line (text), or the API''s metadata (json)'
            cand --output 'Output: the ids, one per line (text), or the API''s metadata (json)'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;files;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --cached 'List the local upload cache instead: what --upload reuses'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;files;info'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;files;delete'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;files;download'= {
            cand -o 'Write to this file instead of stdout (- is stdout)'
            cand --output 'Write to this file instead of stdout (- is stdout)'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;files;forget'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --all 'Drop every entry'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;files;help'= {
            cand upload 'Upload files, read from disk as they are sent; print their ids'
            cand list 'List the stored files (--cached: the local upload cache)'
            cand info 'Show a stored file''s metadata'
            cand delete 'Delete stored files'
            cand download 'Write a stored file''s content to stdout or to a file'
            cand forget 'Drop entries from the local upload cache (the stored files stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;files;help;upload'= {
        }
        &'claude;files;help;list'= {
        }
        &'claude;files;help;info'= {
        }
        &'claude;files;help;delete'= {
        }
        &'claude;files;help;download'= {
        }
        &'claude;files;help;forget'= {
        }
        &'claude;files;help;help'= {
        }
        &'claude;config'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand path 'Print the config file''s path'
            cand show 'Print the settings in effect and where each comes from (the key redacted)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;config;path'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;config;show'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;config;help'= {
            cand path 'Print the config file''s path'
            cand show 'Print the settings in effect and where each comes from (the key redacted)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;config;help;path'= {
        }
        &'claude;config;help;show'= {
        }
        &'claude;config;help;help'= {
        }
        &'claude;completions'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token) Raw bytes: a key that is not UTF-8 is reported as a problem with the key (in settings), not by clap as a problem with "the arguments"'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --max-time 'Seconds the whole command may spend on the network, retries included'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;help'= {
            cand ask 'Send one request: the prompt from arguments, stdin and files'
            cand vision 'Describe or question images (files, - for stdin, or URLs)'
            cand count 'Count the input tokens of the request ask would send'
            cand chat 'Talk in turns: a REPL on a terminal, one turn per call from a pipe'
            cand models 'List the models the key can use, or show one'
            cand batch 'Message Batches: many requests at half price, run by the API'
            cand files 'Files API: upload once, then name the file in any request'
            cand config 'Show where the config file is, or the settings in effect'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;help;ask'= {
        }
        &'claude;help;vision'= {
        }
        &'claude;help;count'= {
        }
        &'claude;help;chat'= {
        }
        &'claude;help;models'= {
        }
        &'claude;help;batch'= {
            cand submit 'Check a JSONL or text file of requests, send it as one batch, print its id'
            cand status 'Show a batch''s status and its counts of requests by status'
            cand wait 'Wait for a batch to end, with a progress bar on a terminal'
            cand results 'Stream an ended batch''s results as JSONL (-o text: custom_id<TAB>text)'
            cand list 'List recent batches'
            cand cancel 'Cancel a batch'
        }
        &'claude;help;batch;submit'= {
        }
        &'claude;help;batch;status'= {
        }
        &'claude;help;batch;wait'= {
        }
        &'claude;help;batch;results'= {
        }
        &'claude;help;batch;list'= {
        }
        &'claude;help;batch;cancel'= {
        }
        &'claude;help;files'= {
            cand upload 'Upload files, read from disk as they are sent; print their ids'
            cand list 'List the stored files (--cached: the local upload cache)'
            cand info 'Show a stored file''s metadata'
            cand delete 'Delete stored files'
            cand download 'Write a stored file''s content to stdout or to a file'
            cand forget 'Drop entries from the local upload cache (the stored files stay)'
        }
        &'claude;help;files;upload'= {
        }
        &'claude;help;files;list'= {
        }
        &'claude;help;files;info'= {
        }
        &'claude;help;files;delete'= {
        }
        &'claude;help;files;download'= {
        }
        &'claude;help;files;forget'= {
        }
        &'claude;help;config'= {
            cand path 'Print the config file''s path'
            cand show 'Print the settings in effect and where each comes from (the key redacted)'
        }
        &'claude;help;config;path'= {
        }
        &'claude;help;config;show'= {
        }
        &'claude;help;completions'= {
        }
        &'claude;help;help'= {
        }
    ]
    $completions[$command]
}
