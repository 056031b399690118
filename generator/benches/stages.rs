//! Each stage of the generator on three documents: the operation-status endpoint (`spec/`),
//! the whole DevCenter data plane (2024-10-01-preview, 61 operations) and oxide.json (947 KB,
//! 315 operations). `cargo bench -p generator`; `BENCHMARKS.md` has the figures.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const DOCUMENTS: &[(&str, &str)] = &[
    ("operation-status", "spec/devcenter-operation-status.yaml"),
    (
        "devcenter-preview",
        "spec/devcenter-2024-10-01-preview.yaml",
    ),
    ("oxide", "tests/fixtures/corpus/oxide.json"),
];

fn stages(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (name, path) in DOCUMENTS {
        let text = std::fs::read_to_string(root.join(path)).expect("the document is readable");
        // Each stage's input, made once by the stages before it.
        let document = generator::load::load(&text, None).expect("the document loads");
        let (api, _) = generator::ir::build(&document);
        let emitted = generator::emit::emit(&api);

        let mut group = c.benchmark_group(*name);
        group.bench_function("load", |b| {
            b.iter(|| generator::load::load(black_box(&text), None))
        });
        group.bench_function("ir", |b| {
            b.iter(|| generator::ir::build(black_box(&document)))
        });
        group.bench_function("emit", |b| {
            b.iter(|| generator::emit::emit(black_box(&api)))
        });
        group.bench_function("render", |b| {
            b.iter(|| generator::render::render(black_box(&emitted)))
        });
        group.bench_function("all", |b| b.iter(|| generator::generate(black_box(&text))));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    // Short runs: the three documents and five measurements each fit in about a minute.
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2));
    targets = stages
}
criterion_main!(benches);
