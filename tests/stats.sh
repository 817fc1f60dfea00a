#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Statistics and export on a capture, against expectations:
#   -z pkixcmp,tree   rows and counts  -> EXPECTED_DIR/NAME.tree
#   -z pkixcmp,srt    request, calls   -> EXPECTED_DIR/NAME.srt
#   --export-objects pkixcmp           file names and sizes -> EXPECTED_DIR/NAME.objects
#   tests/stats.sh PLUGIN_DIR CAPTURE EXPECTED_DIR [--update]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
capture=$2
expected=$3
update=${4:-}
name=$(basename "$capture" .pcap)
work=$(mktemp -d)
chmod 777 "$work"
trap 'rm -rf "$work"' EXIT

# Keep the row name and the count (the rates depend on nothing but are noise).
# Columns are separated by two spaces or more; a name may hold single
# spaces and digits ("pollReq (RFC 2510 TCP)").
"$here/tshark.sh" "$plugin_dir" -r "$capture" -q -z pkixcmp,tree |
    awk -F '  +' '/^-----/ { body = !body; next } body && NF { sub(/^ +/, ""); print $1 "\t" $2 }' > "$work/tree"
"$here/tshark.sh" "$plugin_dir" -r "$capture" -q -z pkixcmp,srt |
    awk -F '  +' '{ sub(/^ +/, "") } $1 ~ /^[0-9]+$/ { print $2 "\t" $3 }' > "$work/srt"
mkdir "$work/objects"
chmod 777 "$work/objects"
"$here/tshark.sh" "$plugin_dir" -r "$capture" -q --export-objects "pkixcmp,$work/objects"
(cd "$work/objects" && for f in *; do printf '%s\t%s\n' "$f" "$(wc -c < "$f")"; done) | LC_ALL=C sort > "$work/objects.txt"

status=0
for kind in tree srt objects; do
    got=$work/$kind
    [ $kind = objects ] && got=$work/objects.txt
    if [ "$update" = --update ]; then
        cp "$got" "$expected/$name.$kind"
    elif ! diff -u "$expected/$name.$kind" "$got"; then
        echo "FAIL: $name $kind differs from $expected/$name.$kind" >&2
        status=1
    else
        echo "ok: $name $kind ($(wc -l < "$got") lines)"
    fi
done
exit $status
