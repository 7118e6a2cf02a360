//! The run ledger at 100,000 runs: how long `claude log -q WORD` and
//! `claude cost --by day|model|tag|command` take over it (whole processes,
//! median of 11: wall time, and user+sys CPU time, which other work on the
//! machine sways less), and what it weighs on disk, part by part.
//!
//! The rows are made up but shaped like real ones: a prompt of 8 to 40
//! words and a reply of 60 to 200 from a 2,000-word vocabulary, spread
//! over the last year, over four models, a third of them tagged.
//!
//! The ledger is in the bench's scratch directory, removed at the end.
//! Run: `cargo bench --bench ledger`; `CLAUDE_BENCH_BIN` measures another
//! build over the same ledger.
#![allow(unsafe_code)] // wait4(2), in measure.rs.

#[path = "support/measure.rs"]
mod measure;

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use claude_cli::ledger::{Run, Store, Tokens};

const ROWS: usize = 100_000;
const RUNS: usize = 11;

/// A small, seedable generator: the same rows every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn words(rng: &mut Rng, vocabulary: &[String], count: u64) -> String {
    (0..count)
        .map(|_| vocabulary[rng.below(vocabulary.len() as u64) as usize].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn populate(path: &Path) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let syllables = [
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "qu", "do",
    ];
    let vocabulary: Vec<String> = (0..2000)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| syllables[rng.below(syllables.len() as u64) as usize])
                .collect()
        })
        .collect();
    let models = [
        "claude-sonnet-5",
        "claude-haiku-4-5-20251001",
        "claude-opus-5",
        "claude-sonnet-4-5-20250929",
    ];
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let year = 365 * 86_400_000_i64;
    let store = Store::create(path).unwrap();
    let runs: Vec<Run> = (0..ROWS)
        .map(|n| {
            let started = now - year + (n as i64) * (year / ROWS as i64);
            let input = 20 + rng.below(2000);
            let output = 60 + rng.below(800);
            let (prompt_words, reply_words) = (8 + rng.below(32), 60 + rng.below(140));
            Run {
                started_at_ms: started,
                ended_at_ms: started + 1500,
                command: "ask".into(),
                model_asked: Some(models[n % 4].into()),
                model: Some(models[n % 4].into()),
                prompt: Some(words(&mut rng, &vocabulary, prompt_words)),
                reply: Some(words(&mut rng, &vocabulary, reply_words)),
                stop_reason: Some("end_turn".into()),
                tokens: Tokens {
                    input,
                    output,
                    ..Tokens::default()
                },
                usage: Some(format!(
                    r#"{{"input_tokens":{input},"output_tokens":{output}}}"#
                )),
                cost_micros: Some((input * 3 + output * 15) as i64),
                wall_ms: 1500,
                first_token_ms: Some(400),
                request_id: Some(format!("req_{n:020}")),
                tags: if n % 3 == 0 {
                    vec!["ci".into()]
                } else {
                    Vec::new()
                },
                ..Run::default()
            }
        })
        .collect();
    for chunk in runs.chunks(10_000) {
        store.insert_all(chunk.iter()).unwrap();
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The load average over the last minute: the machine is shared, so each
/// figure says how busy it was.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// Median wall time, CPU time (user+sys) and peak RSS of `claude ARGS`.
fn time(args: &[&str]) -> (f64, f64, f64) {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let (mut walls, mut cpus, mut peaks) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let run = measure::measure(&args, None);
        assert_eq!(run.code, 0, "claude {args:?}");
        walls.push(run.time.as_secs_f64() * 1e3);
        cpus.push(run.cpu.as_secs_f64() * 1e3);
        peaks.push(run.peak_rss as f64 / (1024.0 * 1024.0));
    }
    (median(walls), median(cpus), median(peaks))
}

/// What the file holds: the prompts' and replies' text, and the pages of
/// the table, the full-text index and the other indexes (dbstat).
fn weigh(path: &Path) {
    let megabytes = |bytes: i64| bytes as f64 / 1e6;
    let conn = rusqlite::Connection::open(path).unwrap();
    let text: i64 = conn
        .query_row(
            "SELECT sum(length(CAST(prompt AS BLOB)) + length(CAST(reply AS BLOB))) FROM runs",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut parts = conn
        .prepare(
            "SELECT CASE WHEN name = 'runs' THEN 'the runs table'
                    WHEN name LIKE 'runs_fts%' THEN 'the full-text index'
                    ELSE 'the other indexes' END, sum(pgsize)
             FROM dbstat GROUP BY 1 ORDER BY 2 DESC",
        )
        .unwrap();
    let parts: Vec<(String, i64)> = parts
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut line = format!(
        "  of which: prompts and replies {:.1} MB of text",
        megabytes(text)
    );
    for (part, bytes) in parts {
        line += &format!("; {part} {:.1} MB", megabytes(bytes));
    }
    println!("{line}");
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn main() {
    if measure::child_mode() {
        return;
    }
    measure::remove_scratch();
    let path = measure::scratch().join("data/claude-cli/ledger.db");
    let started = Instant::now();
    populate(&path);
    println!(
        "{ROWS} runs written in {:.1} s (in transactions of 10,000 runs)",
        started.elapsed().as_secs_f64()
    );
    // One more, as the next `claude ask` writes it: the WAL that the large
    // transactions grew is cut back to its everyday size.
    Store::create(&path)
        .unwrap()
        .insert(&Run {
            started_at_ms: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_millis() as i64,
            command: "ask".into(),
            ..Run::default()
        })
        .unwrap();
    let (db, wal) = (file_size(&path), file_size(&path.with_extension("db-wal")));
    println!(
        "on disk: {:.1} MB ({} bytes a run): ledger.db {:.1} MB, its WAL {:.1} MB",
        (db + wal) as f64 / 1e6,
        (db + wal) / ROWS as u64,
        db as f64 / 1e6,
        wal as f64 / 1e6,
    );
    weigh(&path);
    // A word of the vocabulary that is in many rows, and two together.
    for (what, args) in [
        (
            "claude log -q WORD (a common word)",
            &["log", "-q", "kalo"][..],
        ),
        ("claude log -q 'WORD WORD'", &["log", "-q", "kalo mine"][..]),
        ("claude log (the last 10)", &["log"][..]),
        (
            "claude cost --by day (30 days)",
            &["cost", "--by", "day"][..],
        ),
        (
            "claude cost --by day --all",
            &["cost", "--by", "day", "--all"][..],
        ),
        (
            "claude cost --by model --all",
            &["cost", "--by", "model", "--all"][..],
        ),
        (
            "claude cost --by tag --all",
            &["cost", "--by", "tag", "--all"][..],
        ),
        (
            "claude cost --by command --all",
            &["cost", "--by", "command", "--all"][..],
        ),
    ] {
        let before = load();
        let (wall, cpu, peak) = time(args);
        println!(
            "{what}: median {wall:.1} ms, CPU {cpu:.1} ms, peak RSS {peak:.0} MB \
             (of {RUNS}; load {before} -> {})",
            load()
        );
    }
    measure::remove_scratch();
}
