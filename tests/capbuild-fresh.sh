#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The capture builder's fresh= (the benchmark's way of giving each replayed
# transaction its own IDs and nonces): what it writes is checked by the
# replays.pcap expectations; here, what it must refuse, and what it must
# leave as it is.  And its skip=, which heur-split-header.scn uses.
#   tests/capbuild-fresh.sh CAPBUILD MESSAGES_DIR
set -eu
capbuild=$1
messages=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# refuses NAME "MESSAGE LINE" "EXPECTED ERROR TEXT"
refuses() {
    printf 'connection 10.0.0.1 40000 10.0.0.2 829\nc %s\n' "$2" > "$work/$1.scn"
    if "$capbuild" "$work/$1.scn" "$work/$1.pcap" 2> "$work/$1.err"; then
        echo "FAIL: $1: capbuild accepted \"$2\""
        fail=1
    elif ! grep -qF "$3" "$work/$1.err"; then
        echo "FAIL: $1: expected \"$3\", got: $(cat "$work/$1.err")"
        fail=1
    else
        echo "ok: $1: $(cat "$work/$1.err")"
    fi
}
refuses text 'v0 pkiMsg fresh=1 text:hello' 'not a PKIMessage'
refuses no-payload 'v0 pollReq fresh=1' 'fresh= without a payload'
# pvno, two directoryNames ([4], skipped), then a transactionID [4] holding
# an INTEGER instead of an OCTET STRING.
refuses not-octets 'der fresh=1 hex:30123010020102a4023000a4023000a403020101' 'is not an OCTET STRING'
refuses overrun 'der fresh=1 hex:3080' 'not a PKIMessage'
refuses bad-number 'v0 pkiMsg fresh=x file:'"$messages"'/ir-pbm/01-ir.der' 'fresh'

# same NAME PAYLOAD ARG: the message with ARG is the message without it.
same() {
    for f in "" "$3 "; do
        printf 'connection 10.0.0.1 40000 10.0.0.2 829\nc der %s%s\nfin\n' "$f" "$2" > "$work/$1.scn"
        "$capbuild" "$work/$1.scn" "$work/$1${f:+-arg}.pcap"
    done
    if cmp -s "$work/$1.pcap" "$work/$1-arg.pcap"; then
        echo "ok: $1: $3 writes the same bytes"
    else
        echo "FAIL: $1: $3 changed the capture"
        fail=1
    fi
}
same zero "file:$messages/ir-pbm/01-ir.der" fresh=0
# A header of pvno and two directoryNames ([4], not a transactionID).
same no-ids hex:3011300f020102a4023000a4023000a0023000 fresh=1
same certificate "file:$messages/entrust-like/cert-ca.der" fresh=1
# ...and a nonzero fresh= does change a message that has them.
printf 'connection 10.0.0.1 40000 10.0.0.2 829\nc der fresh=1 file:%s/ir-pbm/01-ir.der\nfin\n' "$messages" > "$work/one.scn"
"$capbuild" "$work/one.scn" "$work/one.pcap"
if cmp -s "$work/zero.pcap" "$work/one.pcap"; then
    echo "FAIL: fresh=1 left the ir as it was"
    fail=1
else
    echo "ok: fresh=1 changes the ir"
fi

# skip= drops a payload's first bytes, before cut= keeps the first of the
# rest: the pieces of one message that its sender wrote apart.
printf 'connection 10.0.0.1 40000 10.0.0.2 829\nc raw skip=1 cut=2 hex:0011223344\nfin\n' > "$work/skip.scn"
printf 'connection 10.0.0.1 40000 10.0.0.2 829\nc raw hex:1122\nfin\n' > "$work/piece.scn"
"$capbuild" "$work/skip.scn" "$work/skip.pcap"
"$capbuild" "$work/piece.scn" "$work/piece.pcap"
if cmp -s "$work/skip.pcap" "$work/piece.pcap"; then
    echo "ok: skip=1 cut=2 writes the middle two bytes"
else
    echo "FAIL: skip=1 cut=2 did not write the middle two bytes"
    fail=1
fi
refuses skip-overrun 'raw skip=6 hex:0011223344' 'skip=6 is longer than the payload'
exit $fail
