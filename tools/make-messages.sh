#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Makes the project's test PKIMessages with a real CMP implementation:
# OpenSSL's `openssl cmp` client against its built-in mock server
# (-use_mock_srv), saving every request and response with -reqout/-rspout.
# Writes test-captures/messages/<transaction>/NN-<body>.der.  The bytes
# change from run to run (keys, nonces, times); the captures built from them
# are committed with them.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/test-captures/messages}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# A failed exchange still leaves the messages it made; say what failed.
quiet() { "$@" > log 2>&1 || grep -i error log | head -2 >&2 || true; }

# A CA, a client with a certificate (for signature protection) and the
# certificates the mock server returns.
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt \
    -subj "/CN=Example CMP CA/O=Example" -days 3650 2>/dev/null
issue() { # key subject cert
    openssl genrsa -out "$1" 2048 2>/dev/null
    openssl req -new -key "$1" -subj "$2" -out req.csr 2>/dev/null
    openssl x509 -req -in req.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -out "$3" 2>/dev/null
}
issue client.key "/CN=client/O=Example" client.crt
issue new.key "/CN=new client/O=Example" new.crt
openssl req -new -key new.key -subj "/CN=new client/O=Example" -out new.csr 2>/dev/null
# Many certificates, for a response over 10 kB.
: > many.pem
for i in $(seq 1 12); do
    issue "k$i.key" "/CN=intermediate $i/O=Example" "c$i.crt"
    cat "c$i.crt" >> many.pem
done

PBM="-use_mock_srv -srv_ref server -srv_secret pass:1234 -secret pass:1234 -ref client -rsp_cert new.crt -certout enrolled.crt"
SIG="-use_mock_srv -srv_cert ca.crt -srv_key ca.key -srv_trusted ca.crt -cert client.crt -key client.key -srvcert ca.crt -rsp_cert new.crt -certout enrolled.crt"

run() { # transaction-name files... -- openssl cmp arguments
    name=$1; shift
    mkdir -p "$out/$name"
    quiet openssl cmp "$@"
}

rm -rf "$out"
mkdir -p "$out"
# ir with certConf, PBM-protected
run ir-pbm $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example" \
    -reqout "$out/ir-pbm/01-ir.der,$out/ir-pbm/03-certConf.der" \
    -rspout "$out/ir-pbm/02-ip.der,$out/ir-pbm/04-pkiconf.der"
# ir with implicit confirm (no certConf)
run ir-implicit $PBM -cmd ir -implicit_confirm -grant_implicitconf -newkey new.key \
    -subject "/CN=new client/O=Example" \
    -reqout "$out/ir-implicit/01-ir.der" -rspout "$out/ir-implicit/02-ip.der"
# cr, signature-protected, with extraCerts
run cr-sig $SIG -cmd cr -newkey new.key -subject "/CN=new client/O=Example" \
    -reqout "$out/cr-sig/01-cr.der,$out/cr-sig/03-certConf.der" \
    -rspout "$out/cr-sig/02-cp.der,$out/cr-sig/04-pkiconf.der"
# kur, signature-protected
run kur-sig $SIG -cmd kur -newkey new.key -oldcert new.crt -cert new.crt -key new.key \
    -reqout "$out/kur-sig/01-kur.der,$out/kur-sig/03-certConf.der" \
    -rspout "$out/kur-sig/02-kup.der,$out/kur-sig/04-pkiconf.der"
# p10cr
run p10cr-pbm $PBM -cmd p10cr -csr new.csr \
    -reqout "$out/p10cr-pbm/01-p10cr.der,$out/p10cr-pbm/03-certConf.der" \
    -rspout "$out/p10cr-pbm/02-cp.der,$out/p10cr-pbm/04-pkiconf.der"
# rr
run rr-sig $SIG -cmd rr -oldcert new.crt -revreason 1 \
    -reqout "$out/rr-sig/01-rr.der" -rspout "$out/rr-sig/02-rp.der"
# genm
run genm-pbm $PBM -cmd genm -infotype signKeyPairTypes \
    -reqout "$out/genm-pbm/01-genm.der" -rspout "$out/genm-pbm/02-genp.der"
# polling: ir answered "waiting", a pollReq answered by pollRep, a second
# pollReq answered by the ip
run poll-pbm $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example" -poll_count 2 -check_after 1 \
    -reqout "$out/poll-pbm/01-ir.der,$out/poll-pbm/03-pollReq.der,$out/poll-pbm/05-pollReq.der,$out/poll-pbm/07-certConf.der" \
    -rspout "$out/poll-pbm/02-ip.der,$out/poll-pbm/04-pollRep.der,$out/poll-pbm/06-ip.der,$out/poll-pbm/08-pkiconf.der"
# rejection: the server answers the ir with status rejection and failInfo
run rejected-pbm $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example" \
    -pkistatus 2 -failurebits 6 -statusstring "not authorized here" \
    -reqout "$out/rejected-pbm/01-ir.der" -rspout "$out/rejected-pbm/02-ip.der"
# error message, unprotected
run error-unprotected $PBM -cmd cr -newkey new.key -subject "/CN=new client/O=Example" \
    -send_error -send_unprot_err -unprotected_errors \
    -reqout "$out/error-unprotected/01-cr.der" -rspout "$out/error-unprotected/02-error.der"
# unprotected request
run ir-unprotected -use_mock_srv -srv_ref server -srv_secret pass:1234 -ref client -rsp_cert new.crt -certout enrolled.crt \
    -unprotected_requests -cmd ir -newkey new.key -subject "/CN=new client/O=Example" \
    -reqout "$out/ir-unprotected/01-ir.der"
# a big response: caPubs and extraCerts with many certificates
run big-pbm $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example" \
    -rsp_capubs many.pem -rsp_extracerts many.pem \
    -reqout "$out/big-pbm/01-ir.der" -rspout "$out/big-pbm/02-ip.der"

# Drop empty transactions (an option this OpenSSL lacks) and report.
for d in "$out"/*/; do
    [ -n "$(ls "$d")" ] || rmdir "$d"
done
find "$out" -name '*.der' | sort | while read -r f; do
    tag=$(openssl asn1parse -inform DER -in "$f" | awk '/d=1/ && /cont/ { sub(/.*cont \[ */, ""); sub(/ *\].*/, ""); print; exit }')
    echo "${f#$out/} $(wc -c < "$f") bytes, body tag $tag"
done
