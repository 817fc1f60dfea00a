#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Builds the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined)
# straight from the plain-C sources and runs each for SECONDS:
#   fuzz/run-libfuzzer.sh SECONDS [HARNESS...]
# Harnesses: framing der scan (default: all).  The short run in ctest uses a
# few seconds each; a long run is the same script with a bigger SECONDS, e.g.
#   fuzz/run-libfuzzer.sh 1800
# Seeds: the project's messages (test-captures/messages), the same messages
# in v0 and v10 frames for the framing harness, and OpenSSL's OSS-Fuzz cmp
# corpus from ../shared/captures when present (extracted to a temp dir).
# FUZZ_WORKDIR keeps corpora and findings between runs (default: a temp
# dir, removed at the end unless something was found).  Exit status: 0 no
# findings, 1 findings (crash-*, leak-*, timeout-*, oom-* kept in the work
# dir and printed), 77 when clang or libFuzzer is missing.
set -eu
seconds=${1:-10}
shift 2>/dev/null || true
harnesses=${*:-framing der scan}
top=$(cd "$(dirname "$0")/.." && pwd)
src=${FUZZ_SRC:-$top/packet-entrust}   # FUZZ_SRC: fuzz another copy of the sources
shared=${SHARED_CAPTURES:-$top/../shared/captures}

CC=${FUZZ_CC:-}
if [ -z "$CC" ]; then
    for c in clang clang-14 clang-15 clang-16; do
        command -v "$c" >/dev/null 2>&1 && { CC=$c; break; }
    done
fi
if [ -z "$CC" ]; then
    echo "SKIP: clang not found (install clang and libclang-rt-14-dev)"
    exit 77
fi
glib_cflags=$(pkg-config --cflags glib-2.0)
glib_libs=$(pkg-config --libs glib-2.0)

keep=0
if [ -n "${FUZZ_WORKDIR:-}" ]; then
    work=$FUZZ_WORKDIR
    mkdir -p "$work"
    keep=1
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/entrust-fuzz.XXXXXX")
fi
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# libFuzzer present?  A one-line probe is cheaper than a failed build.
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n){(void)d;(void)n;return 0;}\n' > "$work/probe.c"
if ! "$CC" -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" >/dev/null 2>&1; then
    echo "SKIP: $CC cannot link -fsanitize=fuzzer (install libclang-rt-14-dev)"
    exit 77
fi

flags="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I$src $glib_cflags"
build() {   # name sources...
    name=$1; shift
    bin=$work/fuzz-$name
    # shellcheck disable=SC2086
    "$CC" $flags "$top/fuzz/fuzz-$name.c" "$@" $glib_libs -o "$bin"
}
for h in $harnesses; do
    case $h in
    framing) build framing "$src/framing.c" "$src/der.c" ;;
    der)     build der "$src/der.c" ;;
    scan)
        if [ -f "$src/heuristics.c" ] && [ -f "$src/pkixcmp-rules.c" ]; then
            build scan "$src/heuristics.c" "$src/pkixcmp-rules.c" "$src/framing.c" "$src/der.c"
        else
            echo "scan: heuristics.c/pkixcmp-rules.c not there, skipped"
        fi ;;
    *) echo "unknown harness $h" >&2; exit 2 ;;
    esac
done

# Seeds -----------------------------------------------------------------
seeds=$work/seeds
if [ ! -d "$seeds/der" ]; then
    mkdir -p "$seeds/der" "$seeds/framing" "$seeds/openssl"
    be32() {  # prints a big-endian u32
        n=$1
        printf "\\$(printf %03o $((n >> 24 & 255)))\\$(printf %03o $((n >> 16 & 255)))\\$(printf %03o $((n >> 8 & 255)))\\$(printf %03o $((n & 255)))"
    }
    i=0
    for f in "$top"/test-captures/messages/*/*.der "$top"/test-captures/messages/*.der; do
        [ -f "$f" ] || continue
        i=$((i + 1))
        cp "$f" "$seeds/der/m$i.der"
        n=$(wc -c < "$f")
        # framing harness: selector byte 0 (16 MiB), then a v0 pkiMsg, a
        # v10 pkiReq, bare DER, and a frame after garbage (resync).
        { printf '\000'; be32 $((n + 1)); printf '\000'; cat "$f"; } > "$seeds/framing/v0-$i"
        { printf '\000'; be32 $((n + 3)); printf '\012\000\000'; cat "$f"; } > "$seeds/framing/v10-$i"
        { printf '\000'; cat "$f"; } > "$seeds/framing/der-$i"
        { printf '\000garbage'; be32 $((n + 1)); printf '\005'; cat "$f"; } > "$seeds/framing/resync-$i"
    done
    { printf '\000'; be32 5; printf '\002\000\000\000\001'; be32 2; printf '\003\000'; } > "$seeds/framing/poll"
    { printf '\000'; be32 11; printf '\012\001\001\000\000\000\001\000\000\000\002'; } > "$seeds/framing/v10-pollrep"
    { printf '\000\026\003\001\000\005hello'; } > "$seeds/framing/tls"
    if [ -f "$shared/openssl-fuzz-corpus-cmp/fuzz-corpora-cmp.tar.gz" ]; then
        tar xzf "$shared/openssl-fuzz-corpus-cmp/fuzz-corpora-cmp.tar.gz" -C "$seeds/openssl"
        echo "seeds: $i project messages, $(find "$seeds/openssl" -type f | wc -l) OpenSSL fuzz corpus files"
    else
        echo "seeds: $i project messages (no $shared/openssl-fuzz-corpus-cmp: OpenSSL corpus skipped)"
    fi
fi

# Runs (libFuzzer's default error exit code 77 would read as "skipped"
# to ctest: findings exit 3, timeouts 4) ------------------------------------------------------------------
status=0
total_runs=0
for h in $harnesses; do
    bin=$work/fuzz-$h
    [ -x "$bin" ] || continue
    corpus=$work/corpus-$h
    art=$work/findings-$h/
    mkdir -p "$corpus" "$art"
    # fuzz/regressions/HARNESS: inputs that once failed, run first of all
    case $h in
    framing) seed_dirs="$top/fuzz/regressions/framing $seeds/framing $seeds/openssl" ;;
    *)       seed_dirs="$top/fuzz/regressions/$h $seeds/der $seeds/openssl" ;;
    esac
    existing=
    for d in $seed_dirs; do [ -d "$d" ] && existing="$existing $d"; done
    seed_dirs=$existing
    log=$work/$h.log
    set +e
    # shellcheck disable=SC2086
    "$bin" "$corpus" $(for d in $seed_dirs; do find "$d" -mindepth 1 -maxdepth 1 -type d; done) $seed_dirs \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$art" -print_final_stats=1 \
        -error_exitcode=3 -timeout_exitcode=4 > "$log" 2>&1
    rc=$?
    set -e
    runs=$(sed -n 's/^#\([0-9]*\).*DONE.*/\1/p; s/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
    [ -n "$runs" ] || runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    [ -n "$runs" ] || runs=0
    total_runs=$((total_runs + runs))
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    found=$(find "$art" -type f | wc -l)
    echo "$h: $runs runs in ${seconds}s, $cov, exit $rc, $found findings"
    if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
        status=1
        keep=1
        grep -E 'ERROR:|SUMMARY:|check failed|runtime error' "$log" | head -5
        find "$art" -type f | sed 's/^/  finding: /'
        echo "  log: $log"
    fi
done
echo "total: $total_runs runs; work dir: $([ "$keep" = 1 ] && echo "$work" || echo removed)"
exit $status
