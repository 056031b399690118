//! Generates the DevCenter operation-status client into `OUT_DIR` (see `src/lib.rs`).

fn main() {
    if let Err(problems) =
        generator::write::build_script("../../spec/devcenter-operation-status.yaml")
    {
        panic!("the client does not generate:\n{problems}");
    }
}
