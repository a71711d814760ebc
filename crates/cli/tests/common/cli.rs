//! Running the `swplan` binary as a user would, for the command-line tests.

use std::process::{Command, Output};

/// The workspace's root, where `seeds/` is: the command line is run from there, as the README
/// shows it.
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Runs `swplan` with English messages from the workspace's root.
pub fn swplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_swplan"))
        .args(args)
        .current_dir(ROOT)
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("run swplan")
}

/// Runs `swplan`, expects success and parses its JSON output.
pub fn json(args: &[&str]) -> serde_json::Value {
    let out = swplan(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// What `swplan` wrote to stderr.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
