//! What every test of the `dossier` binary needs: the repository root, a run of the binary with
//! standard input, and its output as text. Each test binary uses a part of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The repository root: the binary runs there, so paths in tests read as in the docs.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Starts `dossier` with `args` from the repository root, its three streams piped.
pub(crate) fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run dossier: {e}"))
}

/// Runs `dossier` with `args` from the repository root, feeding `stdin`.
pub(crate) fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    if let Some(mut input) = child.stdin.take() {
        // The command may exit before reading everything (usage errors): ignore a closed pipe.
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("dossier did not finish: {e}"))
}

/// Output bytes as text (lossy: a test reports what it saw, whatever it was).
pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
