#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Makes test-captures/messages/entrust-like/*.der and pbm-params/*.der
# from the real OpenSSL messages next to them, with
# tools/make-entrust-like.py (deterministic: the same inputs give the same
# bytes).  Each entrust-like file carries one implementation fingerprint,
# or one thing that must not count as one; each pbm-params file one set of
# PasswordBasedMac parameters.  The tables in
# test-captures/messages/README.md say which.
#   tools/make-entrust-like.sh
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
m=$top/test-captures/messages
out=$m/entrust-like
mk() { python3 "$top/tools/make-entrust-like.py" "$@"; }
mkdir -p "$out"

# AlgorithmIdentifiers (hex DER)
cast5=300b06092a864886f67d07420a          # CAST5-CBC 1.2.840.113533.7.66.10, no parameters
# DHBasedMac 1.2.840.113533.7.66.30 { owf sha256, mac hmacWithSHA256 }
dhbm=302606092a864886f67d07421e3019300b0609608648016503040201300a06082a864886f70d0209
# EntrustVersInfo { entrustVers "V5.0", entrustInfoFlags keyUpdateAllowed }
versinfo=300a1b0456352e3003020780

# Entrust fingerprints
mk "$m/ir-pbm/02-ip.der" "$out/ip-freetext-server.der" --free-text "Entrust PKIX-CMP server v5.0"
mk "$m/genm-pbm/01-genm.der" "$out/genm-freetext-client.der" --free-text "Entrust Version 5.0"
mk "$m/rr-pbm/02-rp.der" "$out/rp-itav-entrust.der" --itav 2.16.840.1.114027.50.3
mk "$m/ir-extracerts-sig/01-ir.der" "$out/ir-versinfo-extracert.der" --cert-extension "1.2.840.113533.7.65.0=$versinfo"
mk "$m/genm-hmacsha256-pbm/02-genp.der" "$out/genp-cast5.der" --itav "1.3.6.1.5.5.7.4.4=der:$cast5"

# Not Entrust
# entrustVersInfo in the CA's self-signed certificate: any CA's chain may
# end in Entrust's public root, which carries it
mk "$m/ir-extracerts-sig/01-ir.der" "$out/ir-versinfo-root.der" --cert-extension "1.2.840.113533.7.65.0=$versinfo" \
    --cert-index 1
mk "$m/genm-pbm/01-genm.der" "$out/genm-dhbm.der" --protection-alg "$dhbm"
mk "$m/genm-pbm/02-genp.der" "$out/genp-dhbm.der" --protection-alg "$dhbm"
mk "$m/ir-pbm/01-ir.der" "$out/ir-pvno1.der" --pvno 1
mk "$m/ir-pbm/02-ip.der" "$out/ip-pvno1.der" --pvno 1
mk "$m/ir-pbm/04-pkiconf.der" "$out/pkiconf-pvno1.der" --pvno 1
mk "$m/genm-pbm/01-genm.der" "$out/genm-freetext-openssl.der" --free-text "OpenSSL 3.0 CMP client"
mk "$m/genm-pbm/02-genp.der" "$out/genp-freetext-entrusted.der" --free-text "Entrusted CA, not Entrust"
mk "$m/genm-pbm/01-genm.der" "$out/genm-freetext-ejbca.der" --free-text "EJBCA 8.0 CMP RA"
mk "$m/genm-pbm/01-genm.der" "$out/genm-freetext-cryptlib.der" --free-text "Sent by cryptlib 3.4"
mk "$m/genm-pbm/01-genm.der" "$out/genm-itav-cryptlib.der" --itav "1.3.6.1.4.1.3029.3.1.1=der:0500"
mk "$m/genm-pbm/02-genp.der" "$out/genp-sender-ejbca.der" --sender "CN=AdminCA1,O=EJBCA Sample,C=SE"
mk "$m/genm-pbm/01-genm.der" "$out/genm-sender-not-ejbca.der" --sender "CN=EJBCA fan,O=Example"

# Not CMP: a bare certificate (the CA's, from extraCerts)
mk "$m/ir-extracerts-sig/01-ir.der" "$out/cert-ca.der" --extract-cert 1
echo "wrote $(ls "$out" | wc -l) files in $out"

# PasswordBasedMac 1.2.840.113533.7.66.13 { salt 0102030405060708, owf,
# iterationCount, mac }: owf SHA-256 and mac hmacWithSHA256 with 50 and
# 10,000 iterations; owf SHA-1, 500 iterations and mac HMAC-SHA1
pbm_head=06092a864886f67d07420d
salt=04080102030405060708
sha256=300b0609608648016503040201
hmac_sha256=300a06082a864886f70d0209
sha1=300706052b0e03021a
hmac_sha1=300a06082b06010505080102
pbm50=3033${pbm_head}3026${salt}${sha256}020132${hmac_sha256}
pbm10000=3034${pbm_head}3027${salt}${sha256}02022710${hmac_sha256}
pbm_sha1=3030${pbm_head}3023${salt}${sha1}020201f4${hmac_sha1}
out=$m/pbm-params
mkdir -p "$out"
mk "$m/genm-pbm/01-genm.der" "$out/genm-pbm-50.der" --protection-alg "$pbm50"
mk "$m/genm-pbm/02-genp.der" "$out/genp-pbm-10000.der" --protection-alg "$pbm10000"
mk "$m/genm-pbm/01-genm.der" "$out/genm-pbm-sha1.der" --protection-alg "$pbm_sha1"
echo "wrote $(ls "$out" | wc -l) files in $out"
