#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every capture in test-captures/ is what the capture builder makes of its
# scenario, byte for byte, and so is its frame map: the captures come from
# the project's own tools, and a change to capbuild that alters one shows
# here.  (tools/build-captures.sh rewrites them.)
#   tests/captures-reproducible.sh CAPBUILD CAPTURES_DIR
set -eu
capbuild=$1
captures=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
n=0

for scn in "$captures"/scenarios/*.scn; do
    name=$(basename "$scn" .scn)
    n=$((n + 1))
    if ! "$capbuild" -m "$work/$name.txt" "$scn" "$work/$name.pcap" 2> "$work/$name.err"; then
        echo "FAIL: $name: capbuild: $(cat "$work/$name.err")"
        fail=1
        continue
    fi
    if ! cmp -s "$work/$name.pcap" "$captures/$name.pcap"; then
        echo "FAIL: $name.pcap differs from what its scenario gives"
        fail=1
    fi
    if ! cmp -s "$work/$name.txt" "$captures/maps/$name.txt"; then
        echo "FAIL: maps/$name.txt differs from what its scenario gives"
        fail=1
    fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no scenarios in $captures/scenarios"; exit 1; }
[ "$fail" = 0 ] && echo "ok: $n captures and maps as their scenarios give them"
exit "$fail"
