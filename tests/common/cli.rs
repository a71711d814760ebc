//! Running the `swplan` binary as a user would, for the command-line tests.

use std::process::{Command, Output};

/// Runs `swplan` with English messages from the crate folder.
pub fn swplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_swplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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
