#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every PKIMessage in ../shared/captures (real messages from other
# implementations) must decode with the pvno and body its inventory names,
# with no malformed frame and no BER error; the real pcaps there must
# decode without a malformed frame.  Skips (exit 77) when ../shared is absent.
# Where Wireshark's built-in CMP dissector decodes a message too, the body,
# transactionID and status of both must agree.
#   tests/shared-captures.sh PLUGIN_DIR SHARED_CAPTURES_DIR CAPBUILD
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
shared=$2
capbuild=$3
if [ ! -f "$shared/inventory.tsv" ]; then
    echo "SKIP: $shared not present (a fresh clone has no ../shared/captures)"
    exit 77
fi
shared=$(cd "$shared" && pwd)
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

# One TCP packet per message, all in one stream to port 829 (bare DER).
awk -F'\t' '$4 ~ /^PKIMessage/ { print $1 "\t" $4 }' "$shared/inventory.tsv" > "$work/list"
: > "$work/dump"
while IFS='	' read -r path class; do
    od -Ax -tx1 -v "$shared/$path" >> "$work/dump"
done < "$work/list"
text2pcap -q -T 40000,829 "$work/dump" "$work/all.pcap"
chmod 644 "$work/all.pcap"

"$here/tshark.sh" "$plugin_dir" -r "$work/all.pcap" -T fields -E separator=/t -E occurrence=f \
    -e frame.number -e pkixcmp.pvno -e pkixcmp.body -e _ws.malformed > "$work/got"
"$here/tshark.sh" "$plugin_dir" -r "$work/all.pcap" -Y '_ws.expert' -T fields -e frame.number \
    -e _ws.expert.message > "$work/experts"

failures=0
# Fortanix DSM puts a private attribute into its certificates' subject
# names: a name attribute (shown as text), not a certificate extension.
fortanix=$(awk -F'\t' '$1 == "fortanix-pkix-tests/decoded/ftx_test_pki_msg.der" { print NR }' "$work/list")
if [ -n "$fortanix" ]; then
    got=$("$here/tshark.sh" "$plugin_dir" -r "$work/all.pcap" -Y "frame.number == $fortanix" -T fields \
        -E occurrence=a -e pkixcmp.x509.attribute_value)
    if [ "$got" != 768d48a3-a6a8-4740-8548-843bcf46e890 ]; then
        echo "FAIL: ftx_test_pki_msg.der: want its subject's Fortanix attribute shown as text, got '$got'"
        failures=$((failures + 1))
    fi
fi

bodies="ir ip cr cp p10cr popdecc popdecr kur kup krr krp rr rp ccr ccp ckuann cann rann crlann pkiconf nested genm genp error certConf pollReq pollRep"
n=0
while IFS='	' read -r path class; do
    n=$((n + 1))
    pvno=$(echo "$class" | sed -n 's/.*pvno=\([0-9]*\).*/\1/p')
    body=$(echo "$class" | sed -n 's/.*body=\([A-Za-z0-9]*\).*/\1/p')
    tag=0
    for b in $bodies; do [ "$b" = "$body" ] && break; tag=$((tag + 1)); done
    line=$(awk -F'\t' -v n="$n" '$1 == n' "$work/got")
    got_pvno=$(echo "$line" | cut -f2)
    got_body=$(echo "$line" | cut -f3)
    malformed=$(echo "$line" | cut -f4)
    ber_errors=$(awk -F'\t' -v n="$n" '$1 == n && $2 ~ /BER Error|BER: Dissector/' "$work/experts")
    if [ "$got_pvno" != "$pvno" ] || [ "$got_body" != "$tag" ] || [ -n "$malformed" ] || [ -n "$ber_errors" ]; then
        echo "FAIL: $path: want pvno=$pvno body=$tag, got pvno=$got_pvno body=$got_body malformed=$malformed $ber_errors"
        failures=$((failures + 1))
    fi
done < "$work/list"
echo "$n messages from ../shared/captures checked, $failures failed"

# The same messages in RFC 2510 framing on 829, which the built-in CMP
# dissector decodes too (Decode As); compared frame by frame.
{
    echo "connection 10.0.0.1 40000 10.0.0.2 829"
    while IFS='	' read -r path class; do echo "c v0 pkiMsg file:$shared/$path"; done < "$work/list"
} > "$work/framed.scn"
"$capbuild" "$work/framed.scn" "$work/framed.pcap"
chmod 644 "$work/framed.pcap"
# ';' separates the fields: unlike a tab, read does not merge two of them
# around an empty field.
"$here/tshark.sh" "$plugin_dir" -r "$work/framed.pcap" -Y pkixcmp -T fields -E 'separator=;' -E occurrence=f \
    -e frame.number -e pkixcmp.body -e pkixcmp.transaction_id -e pkixcmp.status > "$work/ours"
# The built-in names PKIStatusInfo's status cmp.status up to 4.4 and
# cmp.pkistatus from 4.6 on.
builtin_status=cmp.status
tshark -G fields | cut -f3 | grep -qx cmp.status || builtin_status=cmp.pkistatus
"$here/tshark.sh" "$plugin_dir" -r "$work/framed.pcap" -d tcp.port==829,cmp -Y 'cmp.body' -T fields \
    -E 'separator=;' -E occurrence=f -e frame.number -e cmp.body -e cmp.transactionID -e "$builtin_status" > "$work/builtin"
compared=0
while IFS=';' read -r frame body tid status; do
    ours=$(awk -F';' -v f="$frame" '$1 == f' "$work/ours")
    [ -n "$ours" ] || { echo "FAIL: frame $frame: the built-in decodes a PKIMessage we do not"; failures=$((failures + 1)); continue; }
    our_body=$(echo "$ours" | cut -d';' -f2)
    our_tid=$(echo "$ours" | cut -d';' -f3)
    our_status=$(echo "$ours" | cut -d';' -f4)
    if [ "$body" != "$our_body" ] || [ "$tid" != "$our_tid" ] || { [ -n "$status" ] && [ "$status" != "$our_status" ]; }; then
        echo "FAIL: frame $frame: built-in body=$body tid=$tid status=$status, ours body=$our_body tid=$our_tid status=$our_status"
        failures=$((failures + 1))
    fi
    compared=$((compared + 1))
done < "$work/builtin"
echo "$compared messages decoded by both dissectors agree on body, transactionID and status ($(wc -l < "$work/ours") decoded by ours)"

for pcap in "$shared"/wireshark-samplecaptures/*.pcap*; do
    cp "$pcap" "$work/"
    f="$work/$(basename "$pcap")"
    chmod 644 "$f"
    count=$("$here/tshark.sh" "$plugin_dir" -r "$f" -Y pkixcmp -T fields -e frame.number | wc -l)
    bad=$("$here/tshark.sh" "$plugin_dir" -r "$f" -Y '_ws.malformed || _ws.expert.message contains "BER Error"' -T fields -e frame.number | wc -l)
    echo "$(basename "$pcap"): $count PKIMessages, $bad frames with errors"
    if [ "$count" -eq 0 ] || [ "$bad" -ne 0 ]; then
        failures=$((failures + 1))
    fi
done
[ "$failures" -eq 0 ]
