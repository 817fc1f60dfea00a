#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Every PKIMessage in ../shared/captures (real messages from other
# implementations) must decode with the pvno and body its inventory names,
# with no malformed frame and no BER error; the real pcaps there must
# decode without a malformed frame.  Skips (exit 77) when ../shared is absent.
#   tests/shared-captures.sh PLUGIN_DIR SHARED_CAPTURES_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$1
shared=$2
if [ ! -f "$shared/inventory.tsv" ]; then
    echo "SKIP: $shared not present (a fresh clone has no ../shared/captures)"
    exit 77
fi
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

bodies="ir ip cr cp p10cr popdecc popdecr kur kup krr krp rr rp ccr ccp ckuann cann rann crlann pkiconf nested genm genp error certConf pollReq pollRep"
failures=0
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
