#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# fuzz/fuzz-tshark.sh tells Wireshark's own failures from this plugin's:
#   tests/fuzz-classify.sh PLUGIN_DIR
# 1. The mutant of heur-negative.pcap with seed 7002 makes the TLS
#    dissector of Wireshark 4.0.17 (and 4.2.2) fail an assertion, with or
#    without this plugin: it must be listed as Wireshark's own, not counted
#    (exit 0).  A release that dissects it cleanly cannot show this part,
#    which is then reported and passed over.
# 2. A plugin folder whose entrust.so does not load makes tshark complain
#    only when that folder is used: the script must count it as a finding
#    (exit 1), not take it for Wireshark's own.
# Both runs keep their findings in FUZZ_FINDINGS: the fuzzer's own work
# folder must then be gone, whatever it found.
set -u
plugin_dir=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/entrust-fuzz-classify.XXXXXX")
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
fail=0
# The fuzzer makes its work folder in TMPDIR: here, where it can be seen.
export TMPDIR="$work"
no_work_left() {  # RUN: fails when the fuzzer left its work folder behind
    if ls -d "$work"/entrust-fuzz-tshark.* >/dev/null 2>&1; then
        echo "FAIL: run $1 left its work folder behind: $(ls -d "$work"/entrust-fuzz-tshark.*)"
        rm -rf "$work"/entrust-fuzz-tshark.*
        fail=1
    fi
}

FUZZ_CAPTURES=$top/test-captures/heur-negative.pcap FUZZ_SEED_BASE=7002 FUZZ_FINDINGS=$work/f1 \
    sh "$top/fuzz/fuzz-tshark.sh" "$plugin_dir" 1 0 > "$work/out1" 2>&1
rc=$?
if grep -q "^WIRESHARK'S OWN: heur-negative seed 7002: exit 134, the same without this plugin" "$work/out1"; then
    if [ "$rc" = 0 ] && grep -q ", 0 findings, and 1 failures of Wireshark's own" "$work/out1" \
            && [ -f "$work/f1/wireshark/heur-negative-7002.pcap" ]; then
        echo "ok: a failure of Wireshark's own is listed, kept and not counted"
    else
        echo "FAIL: Wireshark's own failure counted or not kept (exit $rc)"; fail=1
    fi
elif [ "$rc" = 0 ] && grep -q ", 0 findings$" "$work/out1"; then
    echo "note: this Wireshark dissects the mutant cleanly; part 1 cannot be shown here"
else
    echo "FAIL: unexpected result (exit $rc)"; fail=1
fi
[ "$fail" = 0 ] || cat "$work/out1"
no_work_left 1

release=$(ls "$plugin_dir")
mkdir -p "$work/broken/$release/epan"
echo "not a shared object" > "$work/broken/$release/epan/entrust.so"
chmod -R a+rX "$work/broken"
FUZZ_CAPTURES=$top/test-captures/heur-negative.pcap FUZZ_FINDINGS=$work/f2 \
    sh "$top/fuzz/fuzz-tshark.sh" "$work/broken" 1 0 > "$work/out2" 2>&1
rc=$?
if [ "$rc" = 1 ] && grep -q "^FINDING: heur-negative seed 1: stderr: .*Couldn't load plugin" "$work/out2" \
        && ! grep -q "WIRESHARK'S OWN" "$work/out2" && [ -f "$work/f2/heur-negative-1.pcap" ]; then
    echo "ok: a failure only with the plugin folder is counted as a finding"
else
    echo "FAIL: a plugin-only failure was not counted (exit $rc)"; cat "$work/out2"; fail=1
fi
no_work_left 2
exit "$fail"
