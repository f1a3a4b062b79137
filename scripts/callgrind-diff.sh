#!/usr/bin/env bash
# Where two variants of the instruction-count benchmark differ, function by function:
# instructions per request spent in each function itself (exclusive), A minus B,
# largest differences first. Reads the profiles the last
# `cargo bench --bench instructions` left in target/callgrind/.
#
#   scripts/callgrind-diff.sh getmcp/sdk_send getmcp/raw_reqwest [LINES]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$root/target/callgrind
lines=${3:-40}
requests=500 # REQUESTS in benches/instructions.rs

# "<instructions> <function>" for every function of the profile of variant $1.
functions() {
    local profile=$dir/${1//\//-}.out
    [[ -f $profile ]] || { echo "no profile $profile: run cargo bench --bench instructions first" >&2; exit 1; }
    callgrind_annotate --inclusive=no --threshold=100 "$profile" |
        awk '$1 ~ /^[0-9,]+$/ && $0 ~ /:/ {
            n = $1; gsub(",", "", n)
            line = $0; sub(/^ *[0-9,]+ +(\([^)]*\) +)?/, "", line); sub(/ \[[^]]*\]$/, "", line)
            sub(/^[^:]*:/, "", line)
            sum[line] += n
        } END { for (f in sum) print sum[f] "\t" f }'
}

awk -F'\t' -v r="$requests" '
    FNR == NR { a[$2] = $1; next }
    { b[$2] = $1 }
    END {
        for (f in a) d[f] = a[f] - b[f]
        for (f in b) if (!(f in a)) d[f] = -b[f]
        for (f in d) printf "%9.0f %9.0f %9.0f  %s\n", d[f] / r, a[f] / r, b[f] / r, substr(f, 1, 140)
    }' <(functions "$1") <(functions "$2") |
    sort -k1,1 -g -r | awk -v n="$lines" '
        { rows[NR] = $0 } END {
            print "     diff         A         B  function (instructions per request)"
            for (i = 1; i <= NR && i <= n; i++) print rows[i]
            if (NR > 2 * n) print "      ..."
            for (i = (NR - n > n ? NR - n + 1 : n + 1); i <= NR; i++) print rows[i]
        }'
