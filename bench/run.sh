#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Benchmark against Wireshark's built-in CMP dissector (not a ctest test):
#   bench/run.sh [BUILD_DIR [ROUNDS [MESSAGES [CONNECTIONS]]]]
# defaults: build, 5 rounds, 100000 messages over 2000 connections.
#
# The capture is made by the capture builder from the project's real
# messages (test-captures/messages/*/*.der, see transaction_dirs below):
# each connection on TCP 829 replays one transaction after another in
# RFC 2510 ("v0") framing, client
# messages as pkiMsg and server messages as finalMsgRep, which the built-in
# CMP dissector decodes too.  In each round every configuration runs once,
# alternating, and the table shows medians:
#   ours         this build's plugin           -e pkixcmp.body
#   built-in     the plugin loaded, port 829 decoded as `cmp` (Decode As)
#   built-in, no plugin   plain tshark (empty plugin folder)
#   TCP floor    cmp, entrust and pkixcmp disabled
# for field extraction (-T fields) and for the full tree (-V > /dev/null);
# time and peak RSS come from GNU time ('%e %M').  Then callgrind profiles
# our plugin on a smaller capture (BENCH_PROFILE_MESSAGES, default 5000)
# and callgrind_annotate's top functions are printed (BENCH_PROFILE=0 skips).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
rounds=${2:-5}
messages=${3:-100000}
connections=${4:-2000}
plugin_dir=$build/plugins
capbuild=$build/capbuild
out=${BENCH_DIR:-$build/bench}
mkdir -p "$out"
chmod 755 "$out"

[ -x "$capbuild" ] || { echo "no capture builder at $capbuild: build the project first"; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time"; exit 1; }

# ---- the capture ---------------------------------------------------------
# Transactions: every test-captures/messages/<name>/ folder whose messages
# all fit in BENCH_MAX_MESSAGE_BYTES (default 10000): the built-in CMP
# dissector drops larger PDUs without decoding them, so they would be work
# only this plugin does.  BENCH_MAX_MESSAGE_BYTES=0 takes every folder.
max_message_bytes=${BENCH_MAX_MESSAGE_BYTES:-10000}
transaction_dirs() {
    for d in "$top"/test-captures/messages/*/; do
        d=${d%/}
        ls "$d"/*.der >/dev/null 2>&1 || continue
        if [ "$max_message_bytes" -gt 0 ] && [ -n "$(find "$d" -name '*.der' -size +"${max_message_bytes}"c)" ]; then
            continue
        fi
        echo "$d"
    done
}

make_scenario() {  # MESSAGES CONNECTIONS > scenario
    transaction_dirs > "$out/transactions.txt"
    awk -v total="$1" -v conns="$2" -v list="$out/transactions.txt" '
    BEGIN {
        # transactions: the folders listed, their files in order
        while ((getline d < list) > 0) {
            nt++
            c2 = "ls " d "/*.der"
            while ((c2 | getline f) > 0) { tx[nt, ++len[nt]] = f }
            close(c2)
        }
        close(list)
        per = int(total / conns); extra = total - per * conns
        t = 0
        for (c = 0; c < conns; c++) {
            n = per + (c < extra ? 1 : 0)
            port = 20000 + (c % 40000)
            printf "connection 10.%d.%d.1 %d 10.0.0.2 829\n", int(c / 250) % 250, c % 250, port
            # one transaction after another; the first message of each
            # is the client request, then they alternate
            while (n > 0) {
                t = t % nt + 1
                for (i = 1; i <= len[t] && n > 0; i++) {
                    if (i % 2 == 1) printf "c v0 pkiMsg file:%s\n", tx[t, i]
                    else            printf "s v0 finalMsgRep file:%s\n", tx[t, i]
                    n--
                }
            }
            print "fin"
        }
    }'
}

cap=$out/bench-$messages-$connections-max$max_message_bytes.pcap
if [ ! -f "$cap" ]; then
    make_scenario "$messages" "$connections" > "$out/bench.scn"
    "$capbuild" "$out/bench.scn" "$cap"
fi
chmod 644 "$cap"
npk=$(capinfos -c -M "$cap" | awk '/Number of packets/ { print $NF }')
size=$(du -m "$cap" | cut -f1)
echo "capture: $cap: $messages messages, $connections connections, $npk packets, ${size} MB, messages of at most $max_message_bytes bytes (0: any)"

empty=$out/empty-plugins
mkdir -p "$empty"
chmod 755 "$empty"

# ---- one measurement -----------------------------------------------------
# run NAME PLUGIN_DIR MODE tshark-args...: appends "secs kb" to $out/NAME.txt
run() {
    name=$1; pdir=$2; mode=$3; shift 3
    if [ "$mode" = tree ]; then
        /usr/bin/time -f '%e %M' -o "$out/time" sh "$top/tests/tshark.sh" "$pdir" -r "$cap" "$@" -V > /dev/null 2> "$out/err" || true
    else
        /usr/bin/time -f '%e %M' -o "$out/time" sh "$top/tests/tshark.sh" "$pdir" -r "$cap" "$@" > "$out/$name.fields" 2> "$out/err" || true
    fi
    if grep -q "Couldn't load plugin\|Dissector bug" "$out/err"; then
        echo "$name: $(head -1 "$out/err")" >&2
    fi
    tail -1 "$out/time" >> "$out/$name.txt"
}

configs="ours builtin builtin_noplugin floor"
for mode in fields tree; do
    for c in $configs; do rm -f "$out/$c-$mode.txt"; done
done

floor_args="--disable-protocol cmp --disable-protocol entrust --disable-protocol pkixcmp"
i=1
while [ "$i" -le "$rounds" ]; do
    for mode in fields tree; do
        if [ "$mode" = fields ]; then
            f_ours="-T fields -e frame.number -e pkixcmp.body"
            f_cmp="-T fields -e frame.number -e cmp.body"
            f_floor="-T fields -e frame.number"
        else
            f_ours=""; f_cmp=""; f_floor=""
        fi
        # shellcheck disable=SC2086
        run ours-$mode "$plugin_dir" $mode $f_ours
        # shellcheck disable=SC2086
        # with the plugin loaded; its TCP heuristic leaves a port given to
        # cmp by Decode As alone
        run builtin-$mode "$plugin_dir" $mode -d tcp.port==829,cmp $f_cmp
        # shellcheck disable=SC2086
        run builtin_noplugin-$mode "$empty" $mode -d tcp.port==829,cmp $f_cmp
        # shellcheck disable=SC2086
        run floor-$mode "$plugin_dir" $mode $floor_args $f_floor
    done
    echo "round $i/$rounds done"
    i=$((i + 1))
done

# How many messages each decoded (fields mode): a sanity check that the
# built-in really decoded the capture.
decoded() { awk -F'\t' '$2 != "" { n += split($2, a, ",") } END { print n + 0 }' "$1"; }
echo "decoded messages: ours $(decoded "$out/ours-fields.fields"), built-in $(decoded "$out/builtin-fields.fields"), built-in without plugin $(decoded "$out/builtin_noplugin-fields.fields")"

median() {  # column of $1
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo
echo "Median of $rounds rounds; $messages CMP messages over $connections TCP connections (port 829, RFC 2510 framing, $npk packets, ${size} MB); $(tshark -v 2>/dev/null | head -1); $(nproc) CPU(s)."
echo
echo "| mode | dissector | time (s) | time vs built-in | peak RSS (MiB) | RSS vs built-in |"
echo "|---|---|---:|---:|---:|---:|"
for mode in fields tree; do
    bt=$(cut -d' ' -f1 "$out/builtin-$mode.txt" | median)
    bm=$(cut -d' ' -f2 "$out/builtin-$mode.txt" | median)
    for c in $configs; do
        t=$(cut -d' ' -f1 "$out/$c-$mode.txt" | median)
        m=$(cut -d' ' -f2 "$out/$c-$mode.txt" | median)
        case $c in
        ours) label="this plugin (pkixcmp)" ;;
        builtin) label="built-in cmp (plugin loaded, Decode As)" ;;
        builtin_noplugin) label="built-in cmp (no plugin)" ;;
        floor) label="TCP only (cmp, entrust, pkixcmp disabled)" ;;
        esac
        [ "$mode" = fields ] && ml="-T fields" || ml="-V (full tree)"
        awk -v ml="$ml" -v l="$label" -v t="$t" -v m="$m" -v bt="$bt" -v bm="$bm" 'BEGIN {
            printf "| %s | %s | %.2f | %.2fx | %.0f | %.2fx |\n", ml, l, t, t / bt, m / 1024, m / bm }'
    done
done

# ---- profile ---------------------------------------------------------------
[ "${BENCH_PROFILE:-1}" = 1 ] || exit 0
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed: no profile"; exit 0; }
pm=${BENCH_PROFILE_MESSAGES:-5000}
pc=$((pm / 50))
[ "$pc" -ge 1 ] || pc=1
pcap_small=$out/profile-$pm.pcap
make_scenario "$pm" "$pc" > "$out/profile.scn"
"$capbuild" "$out/profile.scn" "$pcap_small"
chmod 644 "$pcap_small"
rm -f "$out"/callgrind.out.*
home=$(mktemp -d "$out/home.XXXXXX")
chmod 777 "$home" "$out"
runner=""
[ "$(id -u)" = 0 ] && runner="setpriv --reuid=65534 --regid=65534 --clear-groups"
for mode in fields tree; do
    if [ "$mode" = fields ]; then extra="-T fields -e frame.number -e pkixcmp.body"; else extra="-V"; fi
    # shellcheck disable=SC2086
    $runner env HOME="$home" WIRESHARK_PLUGIN_DIR="$plugin_dir" \
        valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out.$mode" \
        tshark -r "$pcap_small" $extra > /dev/null 2> "$out/callgrind-$mode.log"
    echo
    echo "callgrind, $pm messages, $mode: top functions by inclusive cost"
    callgrind_annotate --inclusive=yes "$out/callgrind.out.$mode" 2>/dev/null | sed -n '/^-\{5,\}/,$p' | grep -v '^-' | grep -v '^$' | head -30
    echo
    echo "callgrind, $pm messages, $mode: top functions by self cost"
    callgrind_annotate "$out/callgrind.out.$mode" 2>/dev/null | sed -n '/^-\{5,\}/,$p' | grep -v '^-' | grep -v '^$' | head -25
    echo
    echo "callgrind, $mode: this plugin's own functions (self cost)"
    callgrind_annotate "$out/callgrind.out.$mode" 2>/dev/null | grep -E 'packet-entrust/|entrust.so' | head -20
done
echo "callgrind output: $out/callgrind.out.fields, $out/callgrind.out.tree (callgrind_annotate or kcachegrind)"
