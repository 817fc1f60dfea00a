#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Fuzzes the whole dissector the way Wireshark's tools/fuzz-test.sh does:
# every test capture is mutated with `editcap -E 0.02` (several seeds;
# FUZZ_ERROR_RATE sets another probability per byte, as fuzz-test.sh's -p
# does: a lower one, like 0.002, leaves most of each message well formed
# and so reaches the decoders deep inside it) and
# each mutant is dissected with `tshark -nVxr` by tests/tshark.sh (only this
# build's plugin) with Wireshark's debugging switches on:
#   WIRESHARK_DEBUG_WMEM_OVERRIDE=strict   wmem canaries, use-after-free
#   WIRESHARK_ABORT_ON_DISSECTOR_BUG=1     DISSECTOR_ASSERT and friends abort
#   WIRESHARK_ABORT_ON_TOO_MANY_ITEMS=1    runaway trees abort
#   MALLOC_CHECK_=3                        glibc heap checks abort
# and a timeout per run (a hang is a finding).  Then a subset of the
# mutants, concatenated into one capture, runs under valgrind memcheck.
#
#   fuzz/fuzz-tshark.sh PLUGIN_DIR [SEEDS [VALGRIND_FILES]]
#
# SEEDS mutants per capture (default 2: the short run ctest does, well under
# a minute); VALGRIND_FILES mutants in the valgrind run (default 6, 0 to
# skip).  A long run: fuzz/fuzz-tshark.sh build/plugins 200 60.
# Captures: test-captures/*.pcap and, when present, the pcaps of
# ../shared/captures (read in place, never copied into the project), or
# the files FUZZ_CAPTURES names (separated by spaces).
# Seeds are deterministic (editcap --seed), so a finding is reproducible
# from its seed; failing mutants are kept in FUZZ_FINDINGS (default a temp
# dir that is kept only when something was found).  A failing mutant is
# dissected once more by tshark alone (an empty plugin folder): when it
# fails there in the same way, the bug is Wireshark's own (the TLS
# dissector of 4.0.17 and 4.2.2 asserts on some mutants, with or without
# this plugin), and it is listed and kept (in FUZZ_FINDINGS/wireshark) but
# not counted.
# Exit status: 0 nothing found, 1 findings, 77 when editcap is missing.
set -eu
plugin_dir=$(cd "$1" && pwd)
seeds=${2:-2}
vg_files=${3:-6}
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_CAPTURES:-$top/../shared/captures}
timeout_s=${FUZZ_TIMEOUT:-30}
seed_base=${FUZZ_SEED_BASE:-1}
error_rate=${FUZZ_ERROR_RATE:-0.02}

command -v editcap >/dev/null 2>&1 || { echo "SKIP: editcap not found"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/entrust-fuzz-tshark.XXXXXX")
chmod 755 "$work"
findings=${FUZZ_FINDINGS:-$work/findings}
mkdir -p "$findings"
no_plugins=$work/no-plugins
mkdir -p "$no_plugins"
chmod 755 "$no_plugins"
keep=0
# The work folder is kept only when it holds findings: with FUZZ_FINDINGS
# they are elsewhere, and it goes whatever was found.
cleanup() {
    if [ "$keep" = 1 ] && [ "$findings" = "$work/findings" ]; then return; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Wireshark's switches, exported: tests/tshark.sh drops privileges with
# setpriv and calls env, both of which pass the environment on; the check
# below proves it for this machine.
export WIRESHARK_DEBUG_WMEM_OVERRIDE=strict
export WIRESHARK_ABORT_ON_DISSECTOR_BUG=1
export WIRESHARK_ABORT_ON_TOO_MANY_ITEMS=1
export MALLOC_CHECK_=3

captures=${FUZZ_CAPTURES:-}
if [ -z "$captures" ]; then
    for f in "$top"/test-captures/*.pcap "$shared"/*/*.pcap "$shared"/*/*.pcap.gz "$shared"/*/*.pcapng; do
        [ -f "$f" ] && captures="$captures $f"
    done
fi
[ -n "$captures" ] || { echo "no captures found"; exit 1; }

# signature STDERR: the first line that tells what went wrong (or else the
# first line at all: glibc's heap checks print their own), without the log
# prefix (process id, time) that differs between runs
problem_pattern="Dissector bug|Couldn't load plugin|CRITICAL|assertion|wmem"
signature() {
    { grep -Em1 "$problem_pattern" "$1" || head -1 "$1"; } | sed 's/^.* -- //'
}

runs=0
found=0
wireshark_own=0
start=$(date +%s)
vg_list=""
for cap in $captures; do
    name=$(basename "$cap" | sed 's/\.pcap.*$//; s/\.pcapng$//')
    i=0
    while [ "$i" -lt "$seeds" ]; do
        seed=$((seed_base + i))
        mutant=$work/$name-$seed.pcap
        # Odd seeds keep Ethernet/IPv4/TCP headers (54 bytes) intact so the
        # errors land in the payload; even seeds mutate everything, as
        # Wireshark's fuzz-test.sh does.
        if [ $((seed % 2)) = 1 ]; then
            editcap -F pcap -E "$error_rate" -o 54 --seed "$seed" "$cap" "$mutant" >/dev/null 2>&1
        else
            editcap -F pcap -E "$error_rate" --seed "$seed" "$cap" "$mutant" >/dev/null 2>&1
        fi
        set +e
        timeout -k 5 "$timeout_s" sh "$top/tests/tshark.sh" "$plugin_dir" -nVxr "$mutant" \
            > /dev/null 2> "$work/stderr"
        rc=$?
        set -e
        runs=$((runs + 1))
        problem=""
        case $rc in
        0) ;;
        124|137) problem="hang (timeout ${timeout_s}s)" ;;
        *) problem="exit $rc" ;;
        esac
        if [ -z "$problem" ] && grep -Eq "$problem_pattern" "$work/stderr"; then
            problem="stderr: $(grep -Em1 "$problem_pattern" "$work/stderr")"
        fi
        if [ -n "$problem" ]; then
            # The same mutant, tshark alone.
            set +e
            timeout -k 5 "$timeout_s" sh "$top/tests/tshark.sh" "$no_plugins" -nVxr "$mutant" \
                > /dev/null 2> "$work/stderr-alone"
            rc_alone=$?
            set -e
            if [ "$rc_alone" = "$rc" ] && [ "$(signature "$work/stderr-alone")" = "$(signature "$work/stderr")" ]; then
                wireshark_own=$((wireshark_own + 1))
                keep=1
                mkdir -p "$findings/wireshark"
                cp "$mutant" "$findings/wireshark/"
                echo "WIRESHARK'S OWN: $name seed $seed: $problem, the same without this plugin"
                echo "  input: $findings/wireshark/$(basename "$mutant")"
                head -2 "$work/stderr" | sed 's/^/  /'
                rm -f "$mutant"
                problem=""
            fi
        fi
        if [ -n "$problem" ]; then
            found=$((found + 1))
            keep=1
            cp "$mutant" "$findings/"
            echo "FINDING: $name seed $seed: $problem"
            echo "  input: $findings/$(basename "$mutant")"
            head -5 "$work/stderr" | sed 's/^/  /'
        elif [ -f "$mutant" ]; then
            # keep a few clean mutants for the valgrind run (round robin)
            [ "$i" = 0 ] && vg_list="$vg_list $mutant"
            [ "$i" != 0 ] && rm -f "$mutant"
        fi
        i=$((i + 1))
    done
done
elapsed=$(( $(date +%s) - start ))
echo "tshark: $runs runs over $(echo $captures | wc -w) captures x $seeds seeds (error rate $error_rate) in ${elapsed}s, $found findings$([ "$wireshark_own" -gt 0 ] && echo ", and $wireshark_own failures of Wireshark's own (the same without this plugin, not counted)")"

# Memcheck: the first VALGRIND_FILES mutants concatenated into one capture,
# one valgrind start-up for all of them.
if [ "$vg_files" -gt 0 ]; then
    if ! command -v valgrind >/dev/null 2>&1 || ! command -v mergecap >/dev/null 2>&1; then
        echo "valgrind: not installed, skipped"
    else
        set -- $vg_list
        sel=""
        n=0
        # spread the choice over the capture list
        step=$(( ($# + vg_files - 1) / vg_files ))
        [ "$step" -ge 1 ] || step=1
        k=0
        for m in "$@"; do
            if [ $((k % step)) = 0 ] && [ "$n" -lt "$vg_files" ]; then sel="$sel $m"; n=$((n + 1)); fi
            k=$((k + 1))
        done
        if [ -n "$sel" ]; then
            # shellcheck disable=SC2086
            mergecap -F pcap -a -w "$work/valgrind.pcap" $sel
            vstart=$(date +%s)
            set +e
            # valgrind goes in front of tshark (tests/tshark.sh's
            # TSHARK_WRAPPER); MALLOC_CHECK_ is left out: valgrind replaces
            # malloc itself.
            env -u MALLOC_CHECK_ TSHARK_WRAPPER="valgrind --error-exitcode=99 --num-callers=20 --track-origins=no" \
                timeout -k 5 $((timeout_s * 20)) sh "$top/tests/tshark.sh" "$plugin_dir" \
                -nVxr "$work/valgrind.pcap" > /dev/null 2> "$work/valgrind.log"
            rc=$?
            set -e
            vpk=$(capinfos -c -M "$work/valgrind.pcap" 2>/dev/null | awk '/Number of packets/ { print $NF }')
            echo "valgrind: $n mutants ($vpk packets) in $(( $(date +%s) - vstart ))s, exit $rc"
            if [ "$rc" != 0 ]; then
                found=$((found + 1))
                keep=1
                cp "$work/valgrind.pcap" "$work/valgrind.log" "$findings/"
                echo "FINDING: valgrind exit $rc on $findings/valgrind.pcap (log: $findings/valgrind.log)"
                grep -A8 -m2 "Invalid\|uninitialised\|definitely lost" "$work/valgrind.log" | sed 's/^/  /' | head -20
            fi
        fi
    fi
fi

echo "total: $runs tshark runs, $(( $(date +%s) - start ))s, $found findings$([ "$found" -gt 0 ] && echo " (kept in $findings)")$([ "$wireshark_own" -gt 0 ] && echo "; $wireshark_own of Wireshark's own in $findings/wireshark")"
[ "$found" = 0 ]
