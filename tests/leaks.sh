#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# No memory of this plugin's may leak when a decoder throws: captures cut
# short (editcap -s) make Wireshark's tvb accessors throw in the middle of
# PKIMessages, and valgrind memcheck must find no block definitely lost
# whose allocation went through this plugin's code.  (Wireshark and GLib
# leak a few blocks of their own at exit, which are not counted.)  Skips
# (exit 77) without valgrind or editcap.
#   tests/leaks.sh PLUGIN_DIR CAPTURES_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
captures=$2
for tool in valgrind editcap mergecap; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not installed"; exit 77; }
done
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

# Each snap length cuts other fields: 80 octets end in the first header
# name, 300 in the protection parameters or the body, 700 inside
# certificates.
cut=""
for capture in v0-829-ir bodies tracking-edges; do
    for snap in 80 300 700; do
        editcap -s "$snap" "$captures/$capture.pcap" "$work/$capture-$snap.pcap"
        cut="$cut $work/$capture-$snap.pcap"
    done
done
# shellcheck disable=SC2086 # a list of file names without spaces
mergecap -a -w "$work/cut.pcap" $cut
chmod 644 "$work/cut.pcap"
chmod 777 "$work"   # valgrind's log is written by the user tshark runs as

# --keep-debuginfo: the plugin is unloaded before valgrind reports, and its
# frames would otherwise have no names.
TSHARK_WRAPPER="valgrind --leak-check=full --keep-debuginfo=yes --log-file=$work/valgrind.log" \
    sh "$here/tshark.sh" "$plugin_dir" -r "$work/cut.pcap" -V > "$work/tree" 2>&1

packets=$(grep -c '^Frame [0-9]' "$work/tree" || true)
# A loss record runs from its "definitely lost" line to the next blank one.
ours=$(awk '/definitely lost in loss record/ { record = $0; keep = 1; next }
            keep && /^==[0-9]+== *$/ { if (record ~ /(der|fingerprint|framing|heuristics|identify|packet-entrust|packet-pkixcmp|pkixcmp-[a-z]+|transactions)\.c:/) print record; keep = 0; next }
            keep { record = record "\n" $0 }' "$work/valgrind.log")
if [ -n "$ours" ]; then
    echo "FAIL: memory allocated through this plugin is lost ($packets packets cut short):"
    echo "$ours"
    exit 1
fi
grep -q 'ERROR SUMMARY' "$work/valgrind.log" || { echo "FAIL: valgrind did not run"; cat "$work/valgrind.log"; exit 1; }
echo "ok: $packets packets cut short, no block this plugin allocated is lost"
