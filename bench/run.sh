#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Benchmark against Wireshark's built-in CMP dissector (not a ctest test):
#   bench/run.sh [BUILD_DIR [ROUNDS [MESSAGES [CONNECTIONS]]]]
# defaults: build, 5 rounds, 100000 messages over 2000 connections; 0
# rounds times nothing and only counts instructions (the profile below).
#
# The capture is made by the capture builder from the project's real
# messages (test-captures/messages/*/*.der, see transaction_dirs below):
# each connection on TCP 829 replays one transaction after another in
# RFC 2510 ("v0") framing, client
# messages as pkiMsg and server messages as finalMsgRep, which the built-in
# CMP dissector decodes too.  BENCH_REPLAY=fresh (the default) gives every
# replay its own transactionID, senderNonce and recipNonce (capbuild's
# fresh=), as real traffic has; BENCH_REPLAY=same replays the messages byte
# for byte, so that this plugin rightly reports every nonce after the
# first replay as reused (an expert info per message that real traffic
# would not cause).  In each round every configuration runs once,
# alternating, and the table shows medians:
#   ours         this build's plugin           -e pkixcmp.body
#   built-in     the plugin loaded, port 829 decoded as `cmp` (Decode As)
#   built-in, no plugin   plain tshark (empty plugin folder)
#   TCP floor    cmp, entrust and pkixcmp disabled
# in three modes: field extraction (-T fields; tshark makes the tree visible
# for it, so every item is built), the full tree (-V > /dev/null), and
# tshark's default one line per packet (no -V, no -T: the tree is not
# built unless a filter needs it);
# elapsed time, CPU time (user + system) and peak RSS come from GNU time
# ('%e %U %S %M').  CPU time is the steadier figure on a shared machine,
# where other guests stretch the elapsed time of whole runs; since they
# only ever slow a run down, the table also shows each configuration's
# fastest round, the closest to what the run itself costs, and the median
# of the per-round ratios (each configuration against the built-in of the
# same round, run beside it: load that drifts over minutes cancels out).
# The order of the configurations turns by one each round.
# Then callgrind counts the instructions each configuration executes on a
# smaller capture (BENCH_PROFILE_MESSAGES, default 5000): a count that does
# not depend on the machine's load; and it prints callgrind_annotate's top
# functions for our plugin (BENCH_PROFILE=0 skips all of this).
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
replay=${BENCH_REPLAY:-fresh}
case $replay in
fresh | same) ;;
*) echo "BENCH_REPLAY is fresh or same, not $replay"; exit 1 ;;
esac
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
    awk -v total="$1" -v conns="$2" -v list="$out/transactions.txt" -v replay="$replay" '
    BEGIN {
        # transactions: the folders listed, their files in order
        while ((getline d < list) > 0) {
            nt++
            c2 = "ls " d "/*.der"
            while ((c2 | getline f) > 0) { tx[nt, ++len[nt]] = f }
            close(c2)
        }
        close(list)
        if (nt == 0) { print "bench: no transaction folder to replay" > "/dev/stderr"; exit 1 }
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
                fresh = replay == "fresh" ? sprintf("fresh=%d ", ++replays) : ""
                for (i = 1; i <= len[t] && n > 0; i++) {
                    if (i % 2 == 1) printf "c v0 pkiMsg %sfile:%s\n", fresh, tx[t, i]
                    else            printf "s v0 finalMsgRep %sfile:%s\n", fresh, tx[t, i]
                    n--
                }
            }
            print "fin"
        }
    }'
}

cap=$out/bench-$messages-$connections-max$max_message_bytes-$replay.pcap
if [ ! -f "$cap" ]; then
    make_scenario "$messages" "$connections" > "$out/bench.scn"
    "$capbuild" "$out/bench.scn" "$cap"
fi
chmod 644 "$cap"
npk=$(capinfos -c -M "$cap" | awk '/Number of packets/ { print $NF }')
size=$(du -m "$cap" | cut -f1)
echo "capture: $cap: $messages messages, $connections connections, $npk packets, ${size} MB, messages of at most $max_message_bytes bytes (0: any), replays: $replay"

empty=$out/empty-plugins
mkdir -p "$empty"
chmod 755 "$empty"

# ---- one measurement -----------------------------------------------------
modes="fields tree summary"
floor_args="--disable-protocol cmp --disable-protocol entrust --disable-protocol pkixcmp"
# mode_args MODE CONFIG: the tshark arguments of a configuration in a mode
mode_args() {
    case $2 in
    ours) dissector="" field=pkixcmp.body ;;
    builtin*) dissector="-d tcp.port==829,cmp" field=cmp.body ;;
    floor) dissector=$floor_args field="" ;;
    esac
    case $1 in
    fields) echo "$dissector -T fields -e frame.number${field:+ -e $field}" ;;
    tree) echo "$dissector -V" ;;
    summary) echo "$dissector" ;;
    esac
}
# run CONFIG MODE: appends "elapsed-secs kb cpu-secs" to $out/CONFIG-MODE.txt
run() {
    pdir=$plugin_dir
    # the built-in alone: an empty plugin folder
    [ "$1" = builtin_noplugin ] && pdir=$empty
    output=/dev/null
    [ "$2" = fields ] && output=$out/$1-$2.fields
    # shellcheck disable=SC2046
    /usr/bin/time -f '%e %M %U %S' -o "$out/time" sh "$top/tests/tshark.sh" "$pdir" -r "$cap" $(mode_args "$2" "$1") > "$output" 2> "$out/err" || true
    if grep -q "Couldn't load plugin\|Dissector bug" "$out/err"; then
        echo "$1-$2: $(head -1 "$out/err")" >&2
    fi
    tail -1 "$out/time" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' >> "$out/$1-$2.txt"
}

# builtin: with the plugin loaded; its TCP heuristic leaves a port given to
# cmp by Decode As alone
configs="ours builtin builtin_noplugin floor"
# rotate N WORD...: the words, starting with the (N mod count)-th
rotate() {
    n=$1
    shift
    n=$((n % $#))
    while [ "$n" -gt 0 ]; do
        first=$1
        shift
        set -- "$@" "$first"
        n=$((n - 1))
    done
    echo "$@"
}
for mode in $modes; do
    for c in $configs; do rm -f "$out/$c-$mode.txt"; done
done

i=1
while [ "$i" -le "$rounds" ]; do
    for mode in $modes; do
        # The order turns by one each round, so that no configuration
        # always runs first, or always right after the costliest one.
        # shellcheck disable=SC2046,SC2086 # the configurations are words
        for c in $(rotate "$i" $configs); do run "$c" "$mode"; done
    done
    echo "round $i/$rounds done"
    i=$((i + 1))
done

mode_label() {
    case $1 in fields) echo "-T fields" ;; tree) echo "-V (full tree)" ;; summary) echo "one line per packet" ;; esac
}

# ROUNDS 0: no timing, only the instruction counts below.
if [ "$rounds" -gt 0 ]; then
    # How many messages each decoded (fields mode): a sanity check that the
    # built-in really decoded the capture.
    decoded() { awk -F'\t' '$2 != "" { n += split($2, a, ",") } END { print n + 0 }' "$1"; }
    echo "decoded messages: ours $(decoded "$out/ours-fields.fields"), built-in $(decoded "$out/builtin-fields.fields"), built-in without plugin $(decoded "$out/builtin_noplugin-fields.fields")"

    fastest() {  # the smallest number read
        sort -n | head -1
    }
    paired() {  # FILE BASE: median over rounds of FILE's CPU / BASE's CPU (lines are rounds)
        paste -d' ' "$1" "$2" | awk '{ print $3 / $6 }' | median
    }
    median() {  # column of $1
        sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
    }
    echo
    echo "Medians (and the fastest) of $rounds rounds; $messages CMP messages over $connections TCP connections (port 829, RFC 2510 framing, replays: $replay, $npk packets, ${size} MB); $(tshark -v 2>/dev/null | head -1); $(nproc) CPU(s)."
    echo
    echo "| mode | dissector | elapsed (s) | vs built-in | CPU (s) | vs built-in | fastest CPU (s) | vs built-in | per-round CPU vs built-in (median) | peak RSS (MiB) | vs built-in |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for mode in $modes; do
        bt=$(cut -d' ' -f1 "$out/builtin-$mode.txt" | median)
        bm=$(cut -d' ' -f2 "$out/builtin-$mode.txt" | median)
        bc=$(cut -d' ' -f3 "$out/builtin-$mode.txt" | median)
        bf=$(cut -d' ' -f3 "$out/builtin-$mode.txt" | fastest)
        for c in $configs; do
            t=$(cut -d' ' -f1 "$out/$c-$mode.txt" | median)
            m=$(cut -d' ' -f2 "$out/$c-$mode.txt" | median)
            cpu=$(cut -d' ' -f3 "$out/$c-$mode.txt" | median)
            f=$(cut -d' ' -f3 "$out/$c-$mode.txt" | fastest)
            pr=$(paired "$out/$c-$mode.txt" "$out/builtin-$mode.txt")
            case $c in
            ours) label="this plugin (pkixcmp)" ;;
            builtin) label="built-in cmp (plugin loaded, Decode As)" ;;
            builtin_noplugin) label="built-in cmp (no plugin)" ;;
            floor) label="TCP only (cmp, entrust, pkixcmp disabled)" ;;
            esac
            ml=$(mode_label "$mode")
            awk -v ml="$ml" -v l="$label" -v t="$t" -v m="$m" -v c="$cpu" -v f="$f" -v pr="$pr" -v bt="$bt" -v bm="$bm" -v bc="$bc" -v bf="$bf" 'BEGIN {
                printf "| %s | %s | %.2f | %.2fx | %.2f | %.2fx | %.2f | %.2fx | %.2fx | %.0f | %.2fx |\n", ml, l, t, t / bt, c, c / bc, f, f / bf, pr, m / 1024, m / bm }'
        done
    done
fi

# ---- profile ---------------------------------------------------------------
[ "${BENCH_PROFILE:-1}" = 1 ] || exit 0
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed: no profile"; exit 0; }
pm=${BENCH_PROFILE_MESSAGES:-5000}
pc=$((pm / 50))
[ "$pc" -ge 1 ] || pc=1
pcap_small=$out/profile-$pm-$replay.pcap
make_scenario "$pm" "$pc" > "$out/profile.scn"
"$capbuild" "$out/profile.scn" "$pcap_small"
chmod 644 "$pcap_small"
rm -f "$out"/callgrind.out.*
chmod 777 "$out"   # tshark runs as nobody when started as root
# instructions CONFIG MODE: runs tshark under callgrind (tests/tshark.sh's
# TSHARK_WRAPPER), keeps its output, prints the instruction count.  The
# output file's name reaches valgrind through the environment (%q{...}),
# so that a folder with spaces does not split the wrapper's words.
instructions() {
    pdir=$plugin_dir
    [ "$1" = builtin_noplugin ] && pdir=$empty
    # shellcheck disable=SC2046
    BENCH_CALLGRIND_OUT="$out/callgrind.out.$1-$2" \
        TSHARK_WRAPPER="valgrind --tool=callgrind --callgrind-out-file=%q{BENCH_CALLGRIND_OUT}" \
        sh "$top/tests/tshark.sh" "$pdir" -r "$pcap_small" $(mode_args "$2" "$1") \
        > /dev/null 2> "$out/callgrind-$1-$2.log"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/callgrind-$1-$2.log"
}
echo
echo "Instructions executed (callgrind), $pm messages over $pc connections:"
echo
echo "| mode | dissector | instructions (M) | vs built-in | above the TCP floor (M) | vs built-in |"
echo "|---|---|---:|---:|---:|---:|"
for mode in $modes; do
    ours=$(instructions ours "$mode")
    builtin=$(instructions builtin "$mode")
    alone=$(instructions builtin_noplugin "$mode")
    floor=$(instructions floor "$mode")
    awk -v ml="$(mode_label "$mode")" -v o="$ours" -v b="$builtin" -v a="$alone" -v f="$floor" 'BEGIN {
        printf "| %s | this plugin (pkixcmp) | %.0f | %.2fx | %.0f | %.2fx |\n", ml, o / 1e6, o / b, (o - f) / 1e6, (o - f) / (b - f)
        printf "| %s | built-in cmp (plugin loaded, Decode As) | %.0f | 1.00x | %.0f | 1.00x |\n", ml, b / 1e6, (b - f) / 1e6
        printf "| %s | built-in cmp (no plugin) | %.0f | %.2fx | %.0f | %.2fx |\n", ml, a / 1e6, a / b, (a - f) / 1e6, (a - f) / (b - f)
        printf "| %s | TCP only | %.0f | %.2fx | 0 | |\n", ml, f / 1e6, f / b }'
done
for mode in fields tree; do
    echo
    echo "callgrind, $pm messages, $mode: top functions by inclusive cost"
    callgrind_annotate --inclusive=yes "$out/callgrind.out.ours-$mode" 2>/dev/null | sed -n '/file:function/,$p' | grep -v 'file:function\|^-' | grep -v '^$' | head -30
    echo
    echo "callgrind, $mode: this plugin's own functions (self cost)"
    callgrind_annotate "$out/callgrind.out.ours-$mode" 2>/dev/null | grep -E 'packet-entrust/|entrust.so' | grep -v 'Auto-annotated' | head -20
done
echo "callgrind output: $out/callgrind.out.* (callgrind_annotate or kcachegrind)"
