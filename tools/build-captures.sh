#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Regenerates test-captures/*.pcap from test-captures/scenarios/*.scn with
# the capture builder; the same scenario always gives the same bytes.
#   tools/build-captures.sh [BUILD_DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
cmake --build "$build" --target capbuild >/dev/null
for scn in "$top"/test-captures/scenarios/*.scn; do
    name=$(basename "$scn" .scn)
    "$build/capbuild" "$scn" "$top/test-captures/$name.pcap"
    echo "test-captures/$name.pcap: $(capinfos -c -M "$top/test-captures/$name.pcap" | awk '/Number of packets/ { print $NF }') packets"
done
