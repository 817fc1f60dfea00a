#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# No size limit beyond memory: a 1 MiB PKIMessage (a genp whose caCerts
# holds 1,500 real certificates), in RFC 2510 framing cut into MSS-sized
# segments, decodes completely, with every certificate, and is not malformed.
#   tests/big-message.sh PLUGIN_DIR CAPBUILD
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
plugin_dir=$1
capbuild=$2
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
python3 - "$top/test-captures/messages" "$work/genp.der" <<'PY'
import sys
msgs, out = sys.argv[1], sys.argv[2]

def tlv(tag, content):
    n = len(content)
    if n < 0x80:
        head = bytes([n])
    else:
        b = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(b)]) + b
    return bytes([tag]) + head + content

def elements(data):
    """The (tag, whole element) list of a run of DER elements."""
    i, out = 0, []
    while i < len(data):
        tag, n, j = data[i], data[i + 1], i + 2
        if n & 0x80:
            k = n & 0x7f
            n, j = int.from_bytes(data[j:j + k], "big"), j + k
        out.append((tag, data[i:j + n], data[j:j + n]))
        i = j + n
    return out

genp = open(msgs + "/genm-pbm/02-genp.der", "rb").read()
header = elements(elements(genp)[0][2])[0][1]          # PKIHeader, as sent
cp = open(msgs + "/cr-sig/02-cp.der", "rb").read()
# The certificate in the cp: body [3] > CertRepMessage > response > CertResponse
# > CertifiedKeyPair > certOrEncCert [0] > Certificate.
rep = elements(elements(cp)[0][2])[1][2]
rep = elements(rep)[0][2]
responses = [e for e in elements(rep) if e[0] == 0x30][-1][2]
resp = elements(responses)[0][2]
ckp = [e for e in elements(resp) if e[0] == 0x30][-1][2]
cert = elements(elements(ckp)[0][2])[0][1]
ca_certs = tlv(0x30, cert * 1500)
itav = tlv(0x30, tlv(0x06, bytes([0x2b, 6, 1, 5, 5, 7, 4, 17])) + ca_certs)   # id-it-caCerts
body = tlv(0xb6, tlv(0x30, itav))                                              # genp [22]
open(out, "wb").write(tlv(0x30, header + body))
PY
size=$(wc -c < "$work/genp.der")
[ "$size" -gt 1000000 ] || { echo "FAIL: the message is only $size bytes" >&2; exit 1; }
printf 'connection 10.0.0.1 40001 10.0.0.2 829\nc v0 pkiMsg file:%s\nfin\n' "$work/genp.der" > "$work/big.scn"
"$capbuild" "$work/big.scn" "$work/big.pcap" >/dev/null
chmod 644 "$work/big.pcap"
out=$("$here/tshark.sh" "$plugin_dir" -r "$work/big.pcap" -Y pkixcmp -T fields -E occurrence=a -E aggregator=, \
      -e entrust.len -e pkixcmp.body -e pkixcmp.itav.ca_certs -e _ws.malformed)
echo "$out"
[ "$out" = "$((size + 1))	22	1500	" ] || { echo "FAIL: want length $((size + 1)), genp (22), 1500 caCerts, not malformed" >&2; exit 1; }
echo "ok: a $size-byte genp with 1500 certificates decodes"
