#!/usr/bin/env bash
# A RUSTC_WRAPPER that runs rustc and appends "<crate name> <user+sys CPU seconds>" for
# each compilation to the file $RUSTC_CPU_LOG: where a clean build's CPU goes.
set -uo pipefail
rustc=$1
shift
name=
prev=
for arg in "$@"; do
    [[ $prev == --crate-name ]] && name=$arg
    prev=$arg
done
if [[ -z $name || -z ${RUSTC_CPU_LOG:-} ]]; then
    exec "$rustc" "$@"
fi
times=$(mktemp)
/usr/bin/time -f "%U %S" -o "$times" "$rustc" "$@"
status=$?
tail -1 "$times" | awk -v n="$name" '{ printf "%s %.2f\n", n, $1 + $2 }' >>"$RUSTC_CPU_LOG"
rm -f "$times"
exit $status
