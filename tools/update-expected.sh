#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Rewrites the expected output of test-captures/expected/*.fields cases from
# what tshark prints now (headers are kept).  Read `git diff` before you
# commit the result: a changed expectation is a changed behaviour.
#   tools/update-expected.sh PLUGIN_DIR [CASE.fields ...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
plugin_dir=$1
shift
[ $# -gt 0 ] || set -- "$top"/test-captures/expected/*.fields
# The header, then tshark's output; no output (a filter that matches no
# frame) gives a file of header lines only, which fields-test.sh reads as
# "no line at all".
write_case() {
    printf '%s\n' "$header" > "$1"
    [ -z "$out" ] || printf '%s\n' "$out" >> "$1"
}
for case_file in "$@"; do
    header=$(grep '^#' "$case_file")
    capture="$top/test-captures/$(echo "$header" | sed -n 's/^# capture: //p')"
    fields=$(echo "$header" | sed -n 's/^# fields: //p')
    filter=$(echo "$header" | sed -n 's/^# filter: //p')
    options=$(echo "$header" | sed -n 's/^# option: //p')
    for pass in one two; do
        set -- -r "$capture" -T fields -E separator=/t -E occurrence=a -E aggregator=,
        [ $pass = two ] && set -- "$@" -2
        [ -n "$filter" ] && set -- "$@" -Y "$filter"
        for f in $fields; do set -- "$@" -e "$f"; done
        # shellcheck disable=SC2086
        [ -n "$options" ] && set -- "$@" $options
        out=$("$top/tests/tshark.sh" "$plugin_dir" "$@" 2>/dev/null)
        if [ $pass = one ]; then
            one=$out
            write_case "$case_file"
        elif [ "$out" != "$one" ]; then
            write_case "${case_file}2"
        else
            rm -f "${case_file}2"
        fi
    done
    echo "updated $(basename "$case_file")"
done
