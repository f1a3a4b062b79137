#!/bin/sh
# Instructions of desired-state plan and apply against the same work by hand, under
# callgrind (see BENCHMARKS.md, section 6). Usage: scripts/desired-callgrind.sh [servers]
set -eu
N=${1:-200}
cargo bench --bench desired --no-run
BIN=$(ls -t "${CARGO_TARGET_DIR:-target}"/release/deps/desired-* | grep -v '\.d$' | head -1)
for mode in setup describe plan hand describe-res plan-res hand-res plan-v2 apply hand-apply; do
  n=$(DESIRED_BENCH_SERVERS=$N DESIRED_BENCH_ONE=$mode valgrind --tool=callgrind \
      --callgrind-out-file=/dev/null "$BIN" 2>&1 | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*')
  echo "$mode $n"
done
