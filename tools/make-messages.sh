#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Makes the project's test PKIMessages with a real CMP implementation:
# OpenSSL's `openssl cmp` client against its built-in mock server
# (-use_mock_srv), saving every request and response with -reqout/-rspout.
# Writes test-captures/messages/<transaction>/NN-<body>.der, one directory
# per transaction, files numbered in the order they were sent.
#
#   tools/make-messages.sh [-o OUTDIR] [TRANSACTION ...]
#   tools/make-messages.sh -l            list the transactions
#   tools/make-messages.sh -c [-o OUTDIR] [TRANSACTION ...]
#                                        only check and list what is there
#
# Without TRANSACTION every transaction is made again; with them only those
# directories are replaced (the others, which committed captures and
# expectations use, keep their bytes).  Keys, certificates, nonces and
# times are new on every run: the structure is fixed, the bytes are not,
# so the output is committed.
#
# Every file is checked: it must parse as DER, and the context tag of its
# PKIBody (the second element of the top SEQUENCE) must be the body its
# name says.  A summary (size, body, protection) is printed at the end.
#
# $PBM, $SIG and the lists are split into words on purpose:
# shellcheck disable=SC2086,SC2116,SC2048
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/test-captures/messages
list=0
check_only=0
while getopts o:lc opt; do
    case $opt in
    o) out=$OPTARG ;;
    l) list=1 ;;
    c) check_only=1 ;;
    *) echo "usage: $0 [-o OUTDIR] [-l | -c] [TRANSACTION ...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
case $out in /*) ;; *) out=$(pwd)/$out ;; esac

ALL="ir-pbm ir-implicit cr-sig kur-sig p10cr-pbm rr-sig genm-pbm poll-pbm
rejected-pbm error-unprotected ir-unprotected big-pbm
poll1-cr-pbm error-sig rejected-unprotected unprotected-both
certconf-rejected-pbm granted-mods-pbm ir-raverified-sig ir-extracerts-sig
cr-popo-none-pbm cr-popo-keyenc-pbm cr-template-sig rr-rejected-unprotected
rr-pbm genm-cacerts-pbm genm-hmacsha256-pbm genm-ec-sig"
ALL=$(echo $ALL)
if [ $list = 1 ]; then
    echo "$ALL" | tr ' ' '\n'
    exit 0
fi
want_list=$(echo ${*:-$ALL})
for t in $want_list; do
    case " $ALL " in *" $t "*) ;; *) echo "unknown transaction $t" >&2; exit 2 ;; esac
done
want() { case " $want_list " in *" $1 "*) return 0 ;; esac; return 1; }

check() {
    status=0
    for name in $want_list; do
        for f in "$out/$name"/*.der; do
            [ -e "$f" ] || continue
            parsed=$(openssl asn1parse -inform DER -in "$f") || { echo "${f#"$out"/}: not DER" >&2; status=1; continue; }
            # The d=1 elements: header SEQUENCE, body [tag], then [0]
            # protection and [1] extraCerts when present.
            tag=$(echo "$parsed" | awk '/:d=1 / { n++; if (n == 2) { sub(/.*cont \[ */, ""); sub(/ *\].*/, ""); print; exit } }')
            body=$(basename "$f" .der | sed 's/^[0-9]*-//')
            if [ "$tag" != "$(body_tag "$body")" ]; then
                echo "${f#"$out"/}: body tag $tag, expected $body" >&2
                status=1
            fi
            prot=$(echo "$parsed" | awk '
                /:d=1 / { n++ }
                n == 1 && /:d=2 / && /cont \[ 1 \]/ { alg = 1; next }
                alg == 1 && /OBJECT/ { sub(/.*:/, ""); a = $0; alg = 2 }
                /:d=1 / && n >= 3 && /cont \[ 0 \]/ { p = 1 }
                END { if (!p) print "none"; else if (a ~ /password based MAC/) print "PBM"; else print a }')
            printf '%-40s %6d bytes  body %-8s (%2s)  protection %s\n' "${f#"$out"/}" "$(wc -c < "$f")" "$body" "$tag" "$prot"
        done
    done
    return $status
}
body_tag() {
    case $1 in
    ir) echo 0 ;; ip) echo 1 ;; cr) echo 2 ;; cp) echo 3 ;; p10cr) echo 4 ;;
    kur) echo 7 ;; kup) echo 8 ;; rr) echo 11 ;; rp) echo 12 ;; pkiconf) echo 19 ;;
    genm) echo 21 ;; genp) echo 22 ;; error) echo 23 ;; certConf) echo 24 ;;
    pollReq) echo 25 ;; pollRep) echo 26 ;; *) echo "?" ;;
    esac
}
if [ $check_only = 1 ]; then
    check
    exit
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p "$out"

# A CA, a client with a certificate (for signature protection), the
# certificate the mock server returns, an EC client, an unrelated CA.
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
openssl ecparam -name prime256v1 -genkey -noout -out ec.key
openssl req -new -key ec.key -subj "/CN=ec client/O=Example" -out req.csr 2>/dev/null
openssl x509 -req -in req.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -out ec.crt 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt \
    -subj "/CN=Unrelated CA" -days 3650 2>/dev/null
# Many certificates, for a response over 10 kB.
if want big-pbm; then
    : > many.pem
    for i in $(seq 1 12); do
        issue "k$i.key" "/CN=intermediate $i/O=Example" "c$i.crt"
        cat "c$i.crt" >> many.pem
    done
fi

PBM="-use_mock_srv -srv_ref server -srv_secret pass:1234 -secret pass:1234 -ref client -rsp_cert new.crt -certout enrolled.crt"
SIG="-use_mock_srv -srv_cert ca.crt -srv_key ca.key -srv_trusted ca.crt -cert client.crt -key client.key -srvcert ca.crt -rsp_cert new.crt -certout enrolled.crt"

# run NAME REQUESTS RESPONSES openssl-cmp-arguments...
# REQUESTS and RESPONSES are comma-separated file names without ".der";
# a last element "..." says that further messages were exchanged but are
# not kept, and "..." alone that none is kept.  Exchanges that end in a
# rejection make openssl fail; that is expected, but every named file must
# have been written.
run() {
    name=$1 reqs=$2 rsps=$3
    shift 3
    want "$name" || return 0
    rm -rf "${out:?}/$name"
    mkdir -p "$out/$name"
    names() { echo "$1" | tr , '\n' | grep -v '^\.\.\.$' || true; }
    files() { names "$1" | sed "s|^|$out/$name/|; s|\$|.der|" | paste -sd, -; }
    [ -z "$(names "$reqs")" ] || set -- "$@" -reqout "$(files "$reqs")"
    [ -z "$(names "$rsps")" ] || set -- "$@" -rspout "$(files "$rsps")"
    openssl cmp "$@" > "$name.log" 2>&1 || true
    # Every message exchanged must have been kept (openssl says nothing
    # when it runs out of -reqout/-rspout names).
    sent=$(grep -c 'CMP info: sending [A-Z]' "$name.log" || true)
    received=$(grep -c 'CMP info: received [A-Z]' "$name.log" || true)
    check_count() { # spec count what
        kept=$(names "$1" | grep -c . || true)
        case ,$1 in
        *,...) [ "$kept" -le "$2" ] ;;
        *) [ "$kept" -eq "$2" ] ;;
        esac || { echo "$name: $2 $3 exchanged, but files $1" >&2; exit 1; }
    }
    check_count "$reqs" "$sent" requests
    check_count "$rsps" "$received" responses
    for f in $(names "$reqs,$rsps"); do
        if [ ! -s "$out/$name/$f.der" ]; then
            echo "$name: $f.der was not written; openssl said:" >&2
            grep -i error "$name.log" | head -5 >&2
            exit 1
        fi
    done
}

# The original set.
# ir with certConf, PBM-protected
run ir-pbm 01-ir,03-certConf 02-ip,04-pkiconf $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example"
# ir with implicit confirm (no certConf)
run ir-implicit 01-ir 02-ip $PBM -cmd ir -implicit_confirm -grant_implicitconf -newkey new.key \
    -subject "/CN=new client/O=Example"
# cr, signature-protected, with extraCerts
run cr-sig 01-cr,03-certConf 02-cp,04-pkiconf $SIG -cmd cr -newkey new.key -subject "/CN=new client/O=Example"
# kur, signature-protected
run kur-sig 01-kur,03-certConf 02-kup,04-pkiconf $SIG -cmd kur -newkey new.key -oldcert new.crt -cert new.crt -key new.key
# p10cr
run p10cr-pbm 01-p10cr,03-certConf 02-cp,04-pkiconf $PBM -cmd p10cr -csr new.csr
# rr
run rr-sig 01-rr 02-rp $SIG -cmd rr -oldcert new.crt -revreason 1
# genm
run genm-pbm 01-genm 02-genp $PBM -cmd genm -infotype signKeyPairTypes
# polling: ir answered "waiting", a pollReq answered by pollRep, a second
# pollReq answered by the ip
run poll-pbm 01-ir,03-pollReq,05-pollReq,07-certConf 02-ip,04-pollRep,06-ip,08-pkiconf \
    $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example" -poll_count 2 -check_after 1
# rejection: the server answers the ir with status rejection and failInfo
run rejected-pbm 01-ir 02-ip $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example" \
    -pkistatus 2 -failurebits 6 -statusstring "not authorized here"
# error message, unprotected
run error-unprotected 01-cr 02-error $PBM -cmd cr -newkey new.key -subject "/CN=new client/O=Example" \
    -send_error -send_unprot_err -unprotected_errors
# unprotected request (the client cannot check the protected ip: it has no
# secret; the ip is not kept)
run ir-unprotected 01-ir ... -use_mock_srv -srv_ref server -srv_secret pass:1234 -ref client -rsp_cert new.crt -certout enrolled.crt \
    -unprotected_requests -cmd ir -newkey new.key -subject "/CN=new client/O=Example"
# a big response: caPubs and extraCerts with many certificates (the certConf
# and pkiconf that follow are not kept)
run big-pbm 01-ir,... 02-ip,... $PBM -cmd ir -newkey new.key -subject "/CN=new client/O=Example" \
    -rsp_capubs many.pem -rsp_extracerts many.pem

# Added later: more bodies, statuses, protections and CRMF variants.
# polling with -poll_count 1: cr answered by cp "waiting", one pollReq
# answered by the cp itself (no pollRep)
run poll1-cr-pbm 01-cr,03-pollReq,05-certConf 02-cp,04-cp,06-pkiconf \
    $PBM -cmd cr -newkey new.key -subject "/CN=new client/O=Example" -poll_count 1 -check_after 1
# error message, signature-protected, with errorCode and errorDetails
run error-sig 01-cr 02-error $SIG -cmd cr -newkey new.key -subject "/CN=new client/O=Example" -send_error
# negative cp, unprotected: rejection, failInfo badPOP, status string
run rejected-unprotected 01-cr 02-cp $PBM -cmd cr -newkey new.key -subject "/CN=new client/O=Example" \
    -pkistatus 2 -failure 9 -statusstring "bad pop" -send_unprot_err -unprotected_errors
# unprotected in both directions: the client refuses the unprotected ip
# (so there is no certConf)
run unprotected-both 01-ir 02-ip -use_mock_srv -srv_ref server -srv_secret pass:1234 -ref client -rsp_cert new.crt \
    -certout enrolled.crt -accept_unprotected -send_unprotected -unprotected_requests \
    -cmd ir -newkey new.key -subject "/CN=new client/O=Example"
# the client rejects the new certificate (it does not chain to
# -out_trusted): certConf with status rejection and a status string
run certconf-rejected-pbm 01-ir,03-certConf 02-ip,04-pkiconf $PBM -cmd ir -newkey new.key \
    -subject "/CN=new client/O=Example" -out_trusted other.crt
# ip with status grantedWithMods and a status string
run granted-mods-pbm 01-ir,03-certConf 02-ip,04-pkiconf $PBM -cmd ir -newkey new.key \
    -subject "/CN=new client/O=Example" -pkistatus 1 -statusstring "validity shortened"
# POPO raVerified, signature-protected
run ir-raverified-sig 01-ir,03-certConf 02-ip,04-pkiconf $SIG -cmd ir -popo 0 -accept_raverified \
    -newkey new.key -subject "/CN=new client/O=Example"
# the client adds its CA certificate to extraCerts
run ir-extracerts-sig 01-ir,03-certConf 02-ip,04-pkiconf $SIG -cmd ir -extracerts ca.crt \
    -newkey new.key -subject "/CN=new client/O=Example"
# no POPO: the mock server rejects it (badPOP, "popo missing")
run cr-popo-none-pbm 01-cr 02-cp $PBM -cmd cr -popo -1 -newkey new.key -subject "/CN=new client/O=Example"
# POPO keyEncipherment: the mock server rejects it ("unsupported popo method")
run cr-popo-keyenc-pbm 01-cr 02-cp $PBM -cmd cr -popo 2 -newkey new.key -subject "/CN=new client/O=Example"
# a rich CertTemplate: issuer, validity, subjectAltName, certificate
# policies (critical), generalInfo with an integer and implicitConfirm
# (which the mock server does not grant: certConf and pkiconf follow)
run cr-template-sig 01-cr,03-certConf 02-cp,04-pkiconf $SIG -cmd cr -newkey new.key -subject "/CN=rich client/O=Example/C=DE" \
    -issuer "/CN=Example CMP CA/O=Example" -days 30 -sans "www.example.com 192.0.2.1 https://example.com/x" \
    -policy_oids "1.2.3.4, 2.5.29.32.0" -policy_oids_critical -geninfo 1.2.3.4.5:int:42 -implicit_confirm
# negative rp, unprotected: rejection, failInfo certRevoked
run rr-rejected-unprotected 01-rr 02-rp $SIG -cmd rr -oldcert new.crt -revreason 4 \
    -pkistatus 2 -failure 10 -statusstring "already revoked" -send_unprot_err -unprotected_errors
# rr, PBM-protected, no reason code
run rr-pbm 01-rr 02-rp $PBM -cmd rr -oldcert new.crt
# genm for caCerts (OpenSSL 3.0's mock server echoes the ITAV, no value)
run genm-cacerts-pbm 01-genm 02-genp $PBM -cmd genm -infotype caCerts
# PBM with HMAC-SHA256 instead of the default HMAC-SHA1
run genm-hmacsha256-pbm 01-genm 02-genp $PBM -mac hmacWithSHA256 -cmd genm -infotype preferredSymmAlg
# ECDSA signature protection (P-256 client key) with SHA-384
run genm-ec-sig 01-genm 02-genp -use_mock_srv -srv_cert ca.crt -srv_key ca.key -srv_trusted ca.crt \
    -cert ec.crt -key ec.key -srvcert ca.crt -digest sha384 -cmd genm -infotype currentCRL

# Check and report.
check
