//! Built-in knowledge about models: the short aliases and the price table.
//!
//! Both go stale as models come and go; `GET /v1/models` is the authority at
//! run time. Each table names where its figures come from. The config file
//! can add aliases and override prices ([`install_overrides`]).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::api::types::Usage;

/// `opus`, `sonnet` and `haiku` → the newest id of each family in the official
/// SDKs' `Model` literal (anthropic-sdk-python `src/anthropic/types/model_param.py`,
/// snapshot of August 2026; shared/api-facts.md §11).
const ALIASES: &[(&str, &str)] = &[
    ("opus", "claude-opus-5"),
    ("sonnet", "claude-sonnet-5"),
    ("haiku", "claude-haiku-4-5"),
];

/// The model used when neither `-m` nor `ANTHROPIC_MODEL` names one.
pub const DEFAULT_MODEL: &str = "sonnet";

/// Aliases and prices from the config file, set once at start-up.
#[derive(Debug, Default)]
struct Overrides {
    aliases: BTreeMap<String, String>,
    prices: BTreeMap<String, Price>,
}

static OVERRIDES: OnceLock<Overrides> = OnceLock::new();

/// Adds the config file's aliases (which win over the built-in ones) and
/// prices (which win over the table). Only the first call counts.
/// An alias may name another alias (`fast = "haiku"`), and a price may be
/// keyed by an alias: both are resolved here, once.
pub fn install_overrides(aliases: BTreeMap<String, String>, prices: BTreeMap<String, Price>) {
    let builtin = |name: &str| {
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name, |(_, id)| id)
            .to_owned()
    };
    let aliases: BTreeMap<String, String> = aliases
        .iter()
        .map(|(alias, target)| {
            // Follow the file's own aliases a few steps, then the built-in ones.
            let mut id = target.clone();
            for _ in 0..8 {
                match aliases.get(&id) {
                    Some(next) if next != &id => id = next.clone(),
                    _ => break,
                }
            }
            (alias.clone(), builtin(&id))
        })
        .collect();
    let prices = prices
        .into_iter()
        .map(|(model, price)| {
            let id = aliases
                .get(&model)
                .cloned()
                .unwrap_or_else(|| builtin(&model));
            (id, price)
        })
        .collect();
    let _ = OVERRIDES.set(Overrides { aliases, prices });
}

/// Resolves an alias; any other name is passed through untouched.
pub fn resolve_model(name: &str) -> String {
    if let Some(id) = OVERRIDES.get().and_then(|o| o.aliases.get(name)) {
        return id.clone();
    }
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map_or(name, |(_, id)| id)
        .to_owned()
}

/// Whether `name` is an alias (built in or from the config file) or a
/// model id the price tables know: what `/model` takes without asking.
pub fn is_known(name: &str) -> bool {
    OVERRIDES
        .get()
        .is_some_and(|o| o.aliases.contains_key(name))
        || ALIASES.iter().any(|(alias, _)| *alias == name)
        || price_of(name).is_some()
}

/// Every alias: the config file's, then the built-in ones it does not
/// replace.
pub fn alias_names() -> Vec<String> {
    let mut names: Vec<String> = OVERRIDES
        .get()
        .map(|o| o.aliases.keys().cloned().collect())
        .unwrap_or_default();
    for (alias, _) in ALIASES {
        if !names.iter().any(|name| name == alias) {
            names.push((*alias).to_owned());
        }
    }
    names
}

/// Every model id the price table names, newest families first.
pub fn known_models() -> impl Iterator<Item = &'static str> {
    PRICES.iter().flat_map(|(ids, _)| ids.iter().copied())
}

/// The built-in aliases, for `claude config show`.
pub fn builtin_aliases() -> &'static [(&'static str, &'static str)] {
    ALIASES
}

/// USD per million tokens, and the share of it a batch request pays.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Price {
    pub input: f64,
    pub cache_write_5m: f64,
    pub cache_write_1h: f64,
    pub cache_read: f64,
    pub output: f64,
    /// Message Batches cost this fraction of the above (0.5: half price).
    pub batch_discount: f64,
}

/// Every model in the table: batches at half price (pricing page, "Batch
/// processing").
const fn price(
    input: f64,
    cache_write_5m: f64,
    cache_write_1h: f64,
    cache_read: f64,
    output: f64,
) -> Price {
    Price {
        input,
        cache_write_5m,
        cache_write_1h,
        cache_read,
        output,
        batch_discount: 0.5,
    }
}

/// Prices from https://platform.claude.com/docs/en/about-claude/pricing as
/// read on 2026-09-18 (shared/api-facts.md, "Prices"). The Sonnet 5 row comes
/// from third-party copies of that page. Ids are undated aliases; dated
/// snapshots (`-20250929`) and `-latest` names resolve to them.
const PRICES: &[(&[&str], Price)] = &[
    (
        &["claude-fable-5", "claude-mythos-5"],
        price(10.0, 12.5, 20.0, 1.0, 50.0),
    ),
    (
        &[
            "claude-opus-5",
            "claude-opus-4-8",
            "claude-opus-4-7",
            "claude-opus-4-6",
            "claude-opus-4-5",
        ],
        price(5.0, 6.25, 10.0, 0.5, 25.0),
    ),
    (&["claude-sonnet-5"], price(2.0, 2.5, 4.0, 0.2, 10.0)),
    (
        &[
            "claude-sonnet-4-6",
            "claude-sonnet-4-5",
            "claude-sonnet-4-0",
            "claude-sonnet-4",
        ],
        price(3.0, 3.75, 6.0, 0.3, 15.0),
    ),
    (&["claude-haiku-4-5"], price(1.0, 1.25, 2.0, 0.1, 5.0)),
    (
        &[
            "claude-opus-4-1",
            "claude-opus-4-0",
            "claude-opus-4",
            "claude-4-opus",
        ],
        price(15.0, 18.75, 30.0, 1.5, 75.0),
    ),
    (&["claude-3-5-haiku"], price(0.8, 1.0, 1.6, 0.08, 4.0)),
    (&["claude-3-haiku"], price(0.25, 0.3, 0.5, 0.03, 1.25)),
];

/// The price of a model id or alias, if the config or the table knows it.
pub fn price_of(model: &str) -> Option<Price> {
    let id = resolve_model(model);
    if let Some(overrides) = OVERRIDES.get()
        && let Some(price) = overrides
            .prices
            .get(&id)
            .or_else(|| overrides.prices.get(strip_snapshot_suffix(&id)))
    {
        return Some(*price);
    }
    let id = strip_snapshot_suffix(&id);
    PRICES
        .iter()
        .find(|(ids, _)| ids.contains(&id))
        .map(|(_, price)| *price)
}

fn strip_snapshot_suffix(id: &str) -> &str {
    if let Some(base) = id.strip_suffix("-latest") {
        return base;
    }
    match id.rsplit_once('-') {
        Some((base, date)) if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => id,
    }
}

/// Models with a 200k-token context window, for which the API's PDF limit
/// is 100 pages instead of 600 (PDF support docs, shared/api-facts.md).
/// Newer models have 1M tokens; an id this table does not know gets the
/// higher limit, and the server has the last word.
const CONTEXT_200K: &[&str] = &[
    "claude-haiku-4-5",
    "claude-sonnet-4-5",
    "claude-opus-4-5",
    "claude-opus-4-1",
    "claude-opus-4-0",
    "claude-opus-4",
    "claude-sonnet-4-0",
    "claude-sonnet-4",
    "claude-3-7-sonnet",
    "claude-3-5-haiku",
    "claude-3-haiku",
];

/// Whether a model id or alias has a 200k-token context window.
pub fn has_200k_context(model: &str) -> bool {
    let id = resolve_model(model);
    CONTEXT_200K.contains(&strip_snapshot_suffix(&id))
}

/// The context window of a model the tables know, in tokens: 200k for
/// the models listed above, 1M for the newer ones with a price. `None` for
/// an id the tables do not know.
pub fn context_window(model: &str) -> Option<u64> {
    if has_200k_context(model) {
        Some(200_000)
    } else {
        price_of(model).map(|_| 1_000_000)
    }
}

/// The input cost in USD of `tokens` prompt tokens, with no caching.
pub fn input_cost(tokens: u64, price: Price) -> f64 {
    (tokens as f64 * price.input / 1_000_000.0).min(f64::MAX)
}

/// Server tools, from https://platform.claude.com/docs/en/about-claude/pricing
/// and the web search tool's page, as read on 2026-11-30 (shared/api-facts.md
/// §12): a web search costs $10 per 1,000 on top of the tokens its results
/// add; web fetch costs only tokens. Code execution is billed by container
/// time beyond a free allowance (and is free beside the 2026 web tools):
/// `usage` does not report container time, so no estimate includes it.
pub const WEB_SEARCH_USD_PER_1000: f64 = 10.0;

/// The cost in USD of `usage` for a batch request: tokens at the batch
/// discount; server tool fees, which the discount does not cover, in full.
pub fn batch_cost(usage: &Usage, price: Price) -> f64 {
    (token_cost(usage, price) * price.batch_discount + server_tool_cost(usage)).min(f64::MAX)
}

/// The cost in USD of `usage`: its tokens and its server tool fees.
/// Finite, however large the counts or the configured prices.
pub fn cost(usage: &Usage, price: Price) -> f64 {
    (token_cost(usage, price) + server_tool_cost(usage)).min(f64::MAX)
}

/// The fees of the server tools `usage` counts (web searches).
pub fn server_tool_cost(usage: &Usage) -> f64 {
    usage.web_search_requests() as f64 * WEB_SEARCH_USD_PER_1000 / 1000.0
}

/// The cost in USD of the tokens in `usage`. Cache writes without a 5m/1h
/// split are charged at the 5-minute rate, the API's default lifetime.
fn token_cost(usage: &Usage, price: Price) -> f64 {
    let (write_5m, write_1h) = usage
        .cache_write_split()
        .filter(|(five, hour)| five.saturating_add(*hour) > 0)
        .unwrap_or((usage.cache_write_tokens(), 0));
    let dollars = usage.input_tokens() as f64 * price.input
        + write_5m as f64 * price.cache_write_5m
        + write_1h as f64 * price.cache_write_1h
        + usage.cache_read_tokens() as f64 * price.cache_read
        + usage.output_tokens() as f64 * price.output;
    (dollars / 1_000_000.0).min(f64::MAX)
}

/// A running total of costs. It stays finite, whatever the counts and the
/// configured prices: a session file keeps it, and JSON has no infinity.
pub fn add_cost(total: f64, cost: f64) -> f64 {
    (total + cost).min(f64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(json: &str) -> Usage {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn aliases_resolve_and_ids_pass_through() {
        assert_eq!(resolve_model("sonnet"), "claude-sonnet-5");
        assert_eq!(resolve_model("opus"), "claude-opus-5");
        assert_eq!(resolve_model("haiku"), "claude-haiku-4-5");
        assert_eq!(resolve_model("claude-opus-4-6"), "claude-opus-4-6");
    }

    #[test]
    fn dated_snapshots_find_their_price() {
        assert_eq!(
            price_of("claude-sonnet-4-5-20250929"),
            price_of("claude-sonnet-4-5")
        );
        assert_eq!(
            price_of("claude-3-5-haiku-latest").map(|p| p.output),
            Some(4.0)
        );
        assert!(price_of("claude-sonnet-4-5").is_some());
        assert_eq!(price_of("claude-sonnet-5-5"), None);
        assert_eq!(price_of("gpt-4"), None);
    }

    #[test]
    fn cost_matches_a_hand_computation() {
        // Sonnet 4.5: 1000 in × $3 + 500 out × $15 + 2000 5m writes × $3.75
        // + 100 1h writes × $6 + 4000 reads × $0.30, per million.
        let u = usage(
            r#"{"input_tokens":1000,"output_tokens":500,"cache_creation_input_tokens":2100,
                "cache_read_input_tokens":4000,
                "cache_creation":{"ephemeral_5m_input_tokens":2000,"ephemeral_1h_input_tokens":100}}"#,
        );
        let expected = (3000.0 + 7500.0 + 7500.0 + 600.0 + 1200.0) / 1e6;
        let got = cost(&u, price_of("claude-sonnet-4-5").unwrap());
        assert!((got - expected).abs() < 1e-12, "{got} vs {expected}");
    }

    #[test]
    fn the_largest_counts_cost_a_finite_amount() {
        let max = u64::MAX;
        let u = usage(&format!(
            r#"{{"input_tokens":{max},"output_tokens":{max},"cache_creation_input_tokens":{max},
                "cache_read_input_tokens":{max},
                "cache_creation":{{"ephemeral_5m_input_tokens":{max},"ephemeral_1h_input_tokens":{max}}}}}"#
        ));
        let price = price_of("claude-opus-4-1").unwrap();
        assert!(cost(&u, price).is_finite() && batch_cost(&u, price).is_finite());
        assert!(input_cost(max, price).is_finite());
        let costly = Price {
            input: 1e300,
            cache_write_5m: 1e300,
            cache_write_1h: 1e300,
            cache_read: 1e300,
            output: 1e300,
            batch_discount: 1.0,
        };
        assert_eq!(cost(&u, costly), f64::MAX);
        assert_eq!(add_cost(f64::MAX, f64::MAX), f64::MAX);
    }

    #[test]
    fn context_windows_of_known_models() {
        assert!(has_200k_context("haiku"));
        assert!(has_200k_context("claude-sonnet-4-5-20250929"));
        assert!(!has_200k_context("claude-opus-5"));
        assert!(!has_200k_context("some-future-model"));
    }

    #[test]
    fn batches_cost_half() {
        let u = usage(r#"{"input_tokens":10,"output_tokens":5}"#);
        // Haiku 4.5: 10 × $1 + 5 × $5 = $35 per million; half in a batch.
        let price = price_of("claude-haiku-4-5-20251001").unwrap();
        assert!((batch_cost(&u, price) - 17.5e-6).abs() < 1e-15);
    }

    #[test]
    fn context_windows_are_known_only_for_known_models() {
        assert_eq!(context_window("haiku"), Some(200_000));
        assert_eq!(context_window("opus"), Some(1_000_000));
        assert_eq!(context_window("claude-next-9"), None);
    }

    #[test]
    fn input_cost_is_per_million() {
        // 2095 tokens of Sonnet 5 input at $2 per million.
        let cost = input_cost(2095, price_of("sonnet").unwrap());
        assert!((cost - 0.00419).abs() < 1e-12, "{cost}");
    }

    #[test]
    fn web_searches_cost_a_cent_each_and_no_batch_discount() {
        let u = usage(
            r#"{"input_tokens":1000000,"output_tokens":0,
                "server_tool_use":{"web_search_requests":3,"web_fetch_requests":2}}"#,
        );
        let haiku = price_of("haiku").unwrap();
        assert!((cost(&u, haiku) - 1.03).abs() < 1e-12);
        assert!((batch_cost(&u, haiku) - 0.53).abs() < 1e-12);
    }

    #[test]
    fn writes_without_a_split_are_charged_at_the_five_minute_rate() {
        let u =
            usage(r#"{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":1000000}"#);
        assert_eq!(cost(&u, price_of("claude-haiku-4-5").unwrap()), 1.25);
    }
}
