
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
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token)'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
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
            cand models 'List the models the key can use, or show one'
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
            cand --max-tokens 'Most tokens the reply may have'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token)'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --stdin 'Always read stdin, even from a terminal'
            cand --no-stdin 'Never read stdin'
            cand --resize 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --stream 'Print text as it arrives [default when stdout is a terminal]'
            cand --no-stream 'Wait for the whole reply [default when stdout is not a terminal]'
            cand -u 'After the reply, print tokens and estimated cost to stderr'
            cand --usage 'After the reply, print tokens and estimated cost to stderr'
            cand --show-thinking 'Print the model''s thinking to stderr'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;vision'= {
            cand -p 'The question [default: "Describe this image."]'
            cand --prompt 'The question [default: "Describe this image."]'
            cand --url-as 'Send every URL as this kind, whatever its path says'
            cand -m 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand --model 'Model id or alias: opus, sonnet, haiku [default: sonnet]'
            cand -s 'System prompt'
            cand --system 'System prompt'
            cand --system-file 'Read the system prompt from a file'
            cand --max-tokens 'Most tokens the reply may have'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token)'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --stdin 'Always read stdin, even from a terminal'
            cand --no-stdin 'Never read stdin'
            cand --resize 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --stream 'Print text as it arrives [default when stdout is a terminal]'
            cand --no-stream 'Wait for the whole reply [default when stdout is not a terminal]'
            cand -u 'After the reply, print tokens and estimated cost to stderr'
            cand --usage 'After the reply, print tokens and estimated cost to stderr'
            cand --show-thinking 'Print the model''s thinking to stderr'
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
            cand --max-tokens 'Most tokens the reply may have'
            cand -t 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --temperature 'Sampling temperature, 0 to 1 (needs --api-version 2023-06-01)'
            cand --top-p 'Nucleus sampling (needs --api-version 2023-06-01)'
            cand --top-k 'Top-k sampling (needs --api-version 2023-06-01)'
            cand --stop 'Stop sequence (repeatable)'
            cand --thinking 'Extended thinking: adaptive, a token budget, or off'
            cand --effort 'Effort (output_config.effort)'
            cand --cache 'Automatic prompt caching, optionally with a lifetime'
            cand --beta 'Beta feature name for the anthropic-beta header (repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token)'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand --stdin 'Always read stdin, even from a terminal'
            cand --no-stdin 'Never read stdin'
            cand --resize 'Shrink images to 1568 px on the long edge and under the 5 MB limit'
            cand --dry-run 'Print the request (key redacted) instead of sending it'
            cand --cost 'Also print the estimated input cost in USD to stderr'
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
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token)'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
            cand --fallback-model 'When retries for 529/5xx are spent, send the request once to MODEL'
            cand -v 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand --verbose 'Log each HTTP attempt to stderr (-vv: with headers and the start of the body)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'claude;completions'= {
            cand --api-key 'API key, sent as x-api-key (else ANTHROPIC_AUTH_TOKEN is sent as a bearer token)'
            cand --api-version 'anthropic-version header; 2023-06-01 still works'
            cand --base-url 'API base URL'
            cand --max-retries 'Retries for 408, 409, 429, 5xx, 529 and network failures'
            cand --max-retry-wait 'Longest server-requested wait (retry-after) to sleep through'
            cand --timeout 'Seconds to wait for a connection and for each piece of the reply'
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
            cand models 'List the models the key can use, or show one'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'claude;help;ask'= {
        }
        &'claude;help;vision'= {
        }
        &'claude;help;count'= {
        }
        &'claude;help;models'= {
        }
        &'claude;help;completions'= {
        }
        &'claude;help;help'= {
        }
    ]
    $completions[$command]
}
