#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Regenerates test-captures/NAME.pcap from test-captures/scenarios/NAME.scn
# with the capture builder (tools/capbuild.c); the same scenario always
# gives the same bytes, and this script checks that it does.  Writes
# test-captures/maps/NAME.txt too: for each frame, its connection,
# direction, TCP flags, payload length and the scenario messages (or the
# parts of them) it carries.
#
#   tools/build-captures.sh [-b BUILD_DIR] [-n] [NAME ...]
#   tools/build-captures.sh BUILD_DIR    (an existing directory)
#
# capbuild is built into BUILD_DIR (with CMake when BUILD_DIR is a CMake
# build tree, else with $CC), or into a temporary directory.  Without NAME
# every scenario is built.  A file is only rewritten when its bytes change.
# Unless -n is given, and when tshark is installed, every pcap is checked:
# good IPv4 and TCP checksums, no TCP analysis flags (retransmission, lost
# segment, bad ACK, ...) in any frame unless the scenario uses "gap", and
# the payload lengths of the map.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
captures=$top/test-captures
build=
check=1
while getopts b:n opt; do
    case $opt in
    b) build=$OPTARG ;;
    n) check=0 ;;
    *) echo "usage: $0 [-b BUILD_DIR] [-n] [NAME ...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
# The older form: a single argument naming the build directory.
if [ -z "$build" ] && [ $# -eq 1 ] && [ ! -f "$captures/scenarios/$1.scn" ] && [ -d "$1" ]; then
    build=$1
    shift
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$build" ] && [ -f "$build/CMakeCache.txt" ]; then
    cmake --build "$build" --target capbuild >/dev/null
    capbuild=$build/capbuild
else
    dir=${build:-$tmp}
    mkdir -p "$dir"
    # shellcheck disable=SC2046,SC2086 # CFLAGS and pkg-config give several words
    ${CC:-cc} -Wall -Wextra -Werror -O2 ${CFLAGS:-} -I"$top/packet-entrust" $(pkg-config --cflags glib-2.0) \
        -o "$dir/capbuild" "$top/tools/capbuild.c" "$top/packet-entrust/der.c" $(pkg-config --libs glib-2.0) -lpcap
    capbuild=$dir/capbuild
fi

if [ $# -eq 0 ]; then
    for scn in "$captures"/scenarios/*.scn; do
        set -- "$@" "$(basename "$scn" .scn)"
    done
fi

if [ $check = 1 ] && ! command -v tshark >/dev/null 2>&1; then
    echo "tshark not found: the captures are not checked" >&2
    check=0
fi

mkdir -p "$captures/maps"
status=0
for name in "$@"; do
    scn=$captures/scenarios/$name.scn
    pcap=$captures/$name.pcap
    [ -f "$scn" ] || { echo "no scenario $scn" >&2; exit 2; }
    "$capbuild" -m "$tmp/$name.txt" "$scn" "$tmp/$name.pcap"
    "$capbuild" "$scn" "$tmp/$name.again.pcap"
    if ! cmp -s "$tmp/$name.pcap" "$tmp/$name.again.pcap"; then
        echo "$name: two runs gave different bytes" >&2
        status=1
    fi
    if cmp -s "$tmp/$name.pcap" "$pcap"; then
        what=unchanged
    else
        mv "$tmp/$name.pcap" "$pcap"
        what=written
    fi
    cmp -s "$tmp/$name.txt" "$captures/maps/$name.txt" || mv "$tmp/$name.txt" "$captures/maps/$name.txt"
    note=
    if command -v tshark >/dev/null 2>&1; then
        # One read of the pcap: frame, TCP length, TCP analysis flags, TCP
        # and IPv4 checksum status (1 is good).
        tshark -r "$pcap" -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE \
            -T fields -e frame.number -e tcp.len -e tcp.analysis.flags -e tcp.checksum.status \
            -e ip.checksum.status > "$tmp/$name.fields" 2>/dev/null
        note=", $(wc -l < "$tmp/$name.fields") frames"
    fi
    if [ $check = 1 ]; then
        # A scenario with "gap" loses a segment on purpose: only its
        # checksums are checked.
        gap=0
        grep -Eq '^[[:space:]]*gap[[:space:]]' "$scn" && gap=1
        problems=$(awk -F '\t' -v gap="$gap" '(!gap && $3 != "") || $4 != "1" || ($5 != "1" && $5 != "") { printf " %s", $1 }' \
            "$tmp/$name.fields")
        if [ -n "$problems" ]; then
            note="$note TCP/IP PROBLEMS in frames$problems"
            status=1
        fi
        if [ "$(cut -f 1,2 "$tmp/$name.fields")" != "$(grep -v '^#' "$captures/maps/$name.txt" | cut -f 1,5)" ]; then
            note="$note MAP DIFFERS from tshark"
            status=1
        fi
    fi
    echo "test-captures/$name.pcap: $what$note"
done
exit $status
