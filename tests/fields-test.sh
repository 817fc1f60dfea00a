#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# One capture, one tshark run, exact per-frame field values:
#   tests/fields-test.sh PLUGIN_DIR CASE_FILE [-2]
# CASE_FILE (test-captures/expected/NAME.fields) holds:
#   # capture: NAME.pcap              (relative to test-captures/)
#   # fields: frame.number pkixcmp.body ...
#   # filter: DISPLAY FILTER          (optional)
#   # option: -o pref:value           (optional, repeatable)
#   expected output, one line per frame, fields separated by tabs
#   (none at all: the filter must match no frame of a capture that has some)
# With -2 the same expectations must hold in two-pass mode, unless
# NAME.fields2 exists, which then holds the two-pass expectations.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
case_file=$2
pass=${3:-}
captures=$(cd "$(dirname "$case_file")/.." && pwd)

header() { sed -n "s/^# $1: //p" "$case_file"; }
capture="$captures/$(header capture)"
fields=$(header fields)
filter=$(header filter)
options=$(header option)

expected=$case_file
if [ "$pass" = -2 ] && [ -f "${case_file}2" ]; then
    expected=${case_file}2
fi

set -- -r "$capture" -T fields -E separator=/t -E occurrence=a -E aggregator=,
[ "$pass" = -2 ] && set -- "$@" -2
[ -n "$filter" ] && set -- "$@" -Y "$filter"
for f in $fields; do set -- "$@" -e "$f"; done
# shellcheck disable=SC2086 # options are words on purpose
[ -n "$options" ] && set -- "$@" $options

got=$(mktemp)
want=$(mktemp)
trap 'rm -f "$got" "$want"' EXIT
"$here/tshark.sh" "$plugin_dir" "$@" > "$got" 2>/dev/null
grep -v '^#' "$expected" > "$want" || true
# The expectations are Wireshark 4.0's output.  Later releases print some
# of Wireshark's own output differently: booleans as True and False, not 1
# and 0; absolute times in ISO 8601 (2024-01-01T00:00:05.000000000Z, not
# "Jan  1, 2024 00:00:05.000000000 UTC"); and TCP's notes in the Info
# column of a segment ("[TCP segment of a reassembled PDU]", "[TCP PDU
# reassembled in 5]") changed.  Against such a release, tshark's output is
# put back into 4.0's forms and TCP's notes are left out on both sides, so
# that the plugin's own fields are still compared exactly.  The plugin is
# built into PLUGIN_DIR/<major>.<minor>/ and tshark loads only its own
# release's: the folder tells which release this is, without running it.
if [ ! -d "$plugin_dir/4.0" ]; then
    for f in "$want" "$got"; do
        awk -F'\t' -v OFS='\t' 'BEGIN { split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", month, " ") } {
            for (i = 1; i <= NF; i++) {
                n = split($i, v, ",")
                for (j = 1; j <= n; j++) {
                    if (v[j] == "True") v[j] = 1
                    else if (v[j] == "False") v[j] = 0
                    else if (v[j] ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:.]+Z$/)
                        v[j] = sprintf("%s %2d, %s %s UTC", month[substr(v[j], 6, 2) + 0],
                                       substr(v[j], 9, 2) + 0, substr(v[j], 1, 4), substr(v[j], 12, length(v[j]) - 12))
                }
                out = v[1]
                for (j = 2; j <= n; j++) out = out "," v[j]
                $i = out
            }
            gsub(/ ?\[TCP (segment of a reassembled PDU|PDU reassembled in [0-9]+)\]/, "")
            print
        }' "$f" > "$f.portable"
        mv "$f.portable" "$f"
    done
fi
# An expectation without lines claims that the filter matches no frame: it
# only means something if the capture has frames that tshark reads.
if [ ! -s "$want" ]; then
    frames=$("$here/tshark.sh" "$plugin_dir" -r "$capture" -T fields -e frame.number 2>/dev/null | wc -l)
    if [ "$frames" -eq 0 ]; then
        echo "FAIL: $(basename "$case_file"): expects no line, but $capture has no frame" >&2
        exit 1
    fi
fi
if ! diff -u "$want" "$got"; then
    echo "FAIL: $(basename "$case_file") ${pass:-one pass}: tshark output differs from the expectation (above)" >&2
    exit 1
fi
echo "ok: $(basename "$case_file") ${pass:-one pass}: $(wc -l < "$got") lines match"
