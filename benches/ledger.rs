//! The run ledger at 100,000 runs: how long `claude log -q WORD` and
//! `claude cost --by day` take over it (whole processes, median of 11),
//! and what it weighs on disk.
//!
//! The rows are made up but shaped like real ones: a prompt of 8 to 40
//! words and a reply of 60 to 200 from a 2,000-word vocabulary, spread
//! over the last year, over four models, a third of them tagged.
//!
//! Run: `cargo bench --bench ledger`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

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

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn time(data: &Path, args: &[&str]) -> Duration {
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_claude"))
            .env_clear()
            .env("XDG_DATA_HOME", data)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        samples.push(started.elapsed());
        assert!(status.success(), "claude {args:?}");
    }
    median(samples)
}

fn main() {
    let data = std::env::temp_dir().join(format!("claude-bench-ledger-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let path = data.join("claude-cli").join("ledger.db");
    let started = Instant::now();
    populate(&path);
    println!(
        "{ROWS} runs written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    // The file with its WAL, as it lies on disk.
    let size: u64 = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "on disk: {:.1} MB ({} bytes a run)",
        size as f64 / 1e6,
        size / ROWS as u64
    );
    // A word of the vocabulary that is in many rows, and one in few.
    for (what, args) in [
        (
            "claude log -q WORD (a common word)",
            &["log", "-q", "kalo"][..],
        ),
        ("claude log -q WORD WORD", &["log", "-q", "kalo mine"][..]),
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
            "claude cost --by tag --all",
            &["cost", "--by", "tag", "--all"][..],
        ),
    ] {
        println!(
            "{what}: median {:.1} ms of {RUNS}",
            time(&data, args).as_secs_f64() * 1e3
        );
    }
    let _ = std::fs::remove_dir_all(&data);
}
