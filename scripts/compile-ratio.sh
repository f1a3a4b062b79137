#!/usr/bin/env bash
# Clean-build CPU time of the library against a bare crate with the same runtime
# dependencies and TLS setup and, when MCP_ADMIN_BASELINE names its directory, against
# the baseline crate (progenitor's documented build.rs generating a client from the same
# openapi.yaml, with the same runtime dependencies), built alternately from empty target
# directories.
#
#   MCP_ADMIN_BASELINE=../shared/baselines/progenitor-build-rs scripts/compile-ratio.sh [RUNS]
#
# RUNS of each, default 3. The baseline is copied before it is built (its directory may
# be read-only) and is given this openapi.yaml through MCP_ADMIN_SPEC.
#
# Prints each run's user+sys CPU seconds and wall seconds, the medians and the ratios
# library/bare (target: at most 1.5) and library/baseline (target: at most 1.10), then
# the size of the generated client, the crates
# each build compiled, the crates only the build script needs, and where the last
# library build's CPU went (rustc timed per crate by scripts/rustc-cpu.sh). Everything
# it writes stays under target/compile-ratio/.
set -euo pipefail

runs=${1:-3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$root/target/compile-ratio
bare=$work/bare
mkdir -p "$bare/src"

# The library's runtime dependencies with the same versions (from its lockfile) and
# features, TLS as the default `rustls` feature sets it up, and no code of its own.
cat > "$bare/Cargo.toml" <<'TOML'
[package]
name = "bare-client"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
reqwest = { version = "0.13.4", default-features = false, features = ["json", "rustls-no-provider"] }
rustls = { version = "0.23.4", default-features = false, features = ["ring", "std", "tls12"] }
serde = { version = "1.0.226", features = ["derive"] }
serde_json = "1.0.150"
uuid = { version = "1.10", features = ["serde"] }
chrono = { version = "0.4.44", default-features = false, features = ["serde", "std"] }
thiserror = "2"
tracing = "0.1.40"
tokio = { version = "1.40", default-features = false, features = ["time", "rt"] }
bytes = "1.11.1"
http = "1.1"
httpdate = "1.0.3"

[profile.dev.package."*"]
debug = false

[workspace]
TOML
cat > "$bare/src/lib.rs" <<'RS'
//! Nothing but the dependencies.
pub use {bytes, chrono, http, httpdate, reqwest, rustls, serde, serde_json, thiserror, tokio, tracing, uuid};
RS
cp "$root/Cargo.lock" "$bare/Cargo.lock"

baseline=
if [[ -n ${MCP_ADMIN_BASELINE:-} ]]; then
    baseline=$work/baseline
    rm -rf "$baseline"
    cp -r "$MCP_ADMIN_BASELINE" "$baseline"
    chmod -R u+w "$baseline"
    rm -rf "$baseline/target"
fi
export MCP_ADMIN_SPEC=$root/openapi.yaml

# Runs a clean `cargo build --lib` of the manifest $2 into target dir $3; appends
# "cpu wall" to $work/$1.times and keeps the build's output in $work/$1.log.
build() {
    local name=$1 manifest=$2 target=$3
    rm -rf "$target" "$work/$name.crates"
    /usr/bin/time -f "%U %S %e" -o "$work/$name.time" \
        env CARGO_TARGET_DIR="$target" RUSTC_WRAPPER="$root/scripts/rustc-cpu.sh" \
        RUSTC_CPU_LOG="$work/$name.crates" \
        cargo build --lib --manifest-path "$manifest" \
        >"$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
    awk '{ printf "%.2f %.2f\n", $1 + $2, $3 }' "$work/$name.time" >>"$work/$name.times"
    read -r cpu wall <<<"$(tail -1 "$work/$name.times")"
    printf '%-8s run %d: %7.2f s CPU  %7.2f s wall\n' "$name" "$i" "$cpu" "$wall"
}

# The median of column $2 of file $1.
median() {
    sort -n -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rm -f "$work"/*.times
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; $(rustc --version)"
for i in $(seq 1 "$runs"); do
    build bare "$bare/Cargo.toml" "$work/target-bare"
    if [[ -n $baseline ]]; then
        build baseline "$baseline/Cargo.toml" "$work/target-baseline"
    fi
    build library "$root/Cargo.toml" "$work/target-library"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

bare_cpu=$(median "$work/bare.times" 1)
lib_cpu=$(median "$work/library.times" 1)
bare_wall=$(median "$work/bare.times" 2)
lib_wall=$(median "$work/library.times" 2)
echo
echo "| build | CPU (user+sys), median | wall, median |"
echo "|---|---:|---:|"
echo "| bare crate | $bare_cpu s | $bare_wall s |"
echo "| library | $lib_cpu s | $lib_wall s |"
awk -v l="$lib_cpu" -v b="$bare_cpu" -v lw="$lib_wall" -v bw="$bare_wall" 'BEGIN {
    r = l / b
    printf "| library / bare | %.2f (target <= 1.50: %s) | %.2f |\n", r, (r <= 1.5 ? "met" : "missed"), lw / bw }'
if [[ -n $baseline ]]; then
    base_cpu=$(median "$work/baseline.times" 1)
    base_wall=$(median "$work/baseline.times" 2)
    echo "| baseline (progenitor build.rs) | $base_cpu s | $base_wall s |"
    awk -v l="$lib_cpu" -v b="$base_cpu" -v lw="$lib_wall" -v bw="$base_wall" 'BEGIN {
        r = l / b
        printf "| library / baseline | %.2f (target <= 1.10: %s) | %.2f |\n", r, (r <= 1.1 ? "met" : "missed"), lw / bw }'
fi
for name in bare baseline library; do
    [[ -f $work/$name.times ]] && echo "$name runs (CPU wall): $(tr '\n' ';' <"$work/$name.times")"
done

echo
raw=$(ls "$work"/target-library/debug/build/mcp-admin-*/out/raw.rs)
echo "generated raw.rs (by build.rs): $(wc -l <"$raw") lines, $(wc -c <"$raw") bytes"
compiled() { sed -n 's/^ *Compiling \([^ ]*\) v\([^ ]*\).*/\1 v\2/p' "$work/$1.log" | sort -u; }
normal_tree=$(cargo tree --manifest-path "$root/Cargo.toml" -e normal --prefix none --no-dedupe \
    | sed 's/ (\*)//; s/ (proc-macro)//; s/ (\/.*)//' | grep -v '^\[' | sort -u)
extra=$(comm -23 <(compiled library) <(compiled bare))
extra_runtime=$(comm -12 <(echo "$extra") <(echo "$normal_tree"))
extra_build=$(comm -23 <(echo "$extra") <(echo "$normal_tree"))
echo "crates compiled: library $(compiled library | wc -l), bare $(compiled bare | wc -l)"
echo "compiled for the library only, at run time: $(echo $extra_runtime)"
echo "compiled for the library only, for its build script: $(grep -c . <<<"$extra_build")"
echo "$extra_build" | sed 's/^/  /'

# Each rustc run of the library's last build, by what it was for. A crate the bare
# build compiled k times counts as shared for its first k runs; further runs of it
# (built again for the build script) count with the build script's crates.
echo
echo "the library's last clean build, rustc CPU by purpose:"
names() { sed 's/ v.*//; s/-/_/g'; }
awk -v total="$(tail -1 "$work/library.times" | cut -d' ' -f1)" '
    FILENAME == ARGV[1] { runtime[$1] = 1; next }
    FILENAME == ARGV[2] { bare[$1]++; next }
    {
        if ($1 == "mcp_admin") k = "the library itself (mcp_admin)"
        else if ($1 == "build_script_build") k = "build scripts, compiling them"
        else if (seen[$1]++ < bare[$1]) k = "crates the bare crate compiles too"
        else if (runtime[$1]) k = "runtime crates the bare crate does not compile"
        else k = "crates for the build script"
        cpu[k] += $2; sum += $2
    }
    END {
        for (k in cpu) printf "  %7.2f s  %s\n", cpu[k], k
        printf "  %7.2f s  cargo, running build scripts, linking (outside rustc)\n", total - sum
    }' <(names <<<"$extra_runtime") "$work/bare.crates" "$work/library.crates" | sort -k1,1 -g -r
