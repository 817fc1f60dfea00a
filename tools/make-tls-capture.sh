#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Records a real TLS session on TCP 710 (Entrust's Administration Service
# Handler port) over loopback: OpenSSL's s_server and s_client, captured by
# tshark.  Needs root (live capture).  Writes test-captures/tls-710.pcap.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/test-captures/tls-710.pcap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
    -subj /CN=ash.example -days 365 2>/dev/null
timeout 20 tshark -q -i lo -f 'tcp port 710' -w "$work/tls.pcap" -a duration:8 >/dev/null 2>&1 &
capture=$!
sleep 2
timeout 6 openssl s_server -accept 127.0.0.1:710 -cert "$work/cert.pem" -key "$work/key.pem" -quiet >/dev/null 2>&1 &
sleep 1
echo "administration request" | timeout 3 openssl s_client -connect 127.0.0.1:710 -quiet >/dev/null 2>&1 || true
wait "$capture" || true
cp "$work/tls.pcap" "$out"
chmod 644 "$out"
echo "wrote $out"
