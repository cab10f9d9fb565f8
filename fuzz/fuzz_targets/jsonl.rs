//! Any bytes as a JSON Lines stream: reading never panics or loops; each item is a dossier or an
//! error that names a line of the input; the dossiers read, written back as JSON Lines, read
//! back equal.
#![no_main]

use defense_agreements::jsonl::{Reader, Writer};
use defense_agreements::{Dossier, Error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.split(|b| *b == b'\n').count() as u64;
    let mut dossiers = Vec::new();
    let mut items = 0u64;
    for item in Reader::new(data) {
        items += 1;
        assert!(items <= lines, "{items} items from {lines} lines");
        match item {
            Ok(d) => {
                let _ = d.validate();
                dossiers.push(d);
            }
            Err(Error::Line { line, source }) => {
                assert!((1..=lines).contains(&line), "error on line {line} of {lines}: {source}");
                assert!(!matches!(*source, Error::Line { .. }), "nested line error");
            }
            Err(other) => panic!("an error without its line: {other}"),
        }
    }
    let mut writer = Writer::new(Vec::new());
    for d in &dossiers {
        if let Err(e) = writer.write(d) {
            panic!("writing to memory failed: {e}");
        }
    }
    let bytes = match writer.into_inner() {
        Ok(b) => b,
        Err(e) => panic!("flushing memory failed: {e}"),
    };
    let back: Result<Vec<Dossier>, Error> = Reader::new(bytes.as_slice()).collect();
    match back {
        Ok(back) => assert_eq!(back, dossiers, "JSON Lines round trip changed the dossiers"),
        Err(e) => panic!("written JSON Lines do not read back: {e}"),
    }
});
