#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The main job: install what is missing, build, install the plugin, and
# show a bundled CMP exchange, one line per message.
#   sh scripts/demo.sh [CAPTURE]
# As root the plugin goes into Wireshark's system plugin folder (tshark run
# as root ignores personal plugins); otherwise into the personal one.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
capture=${1:-test-captures/transactions.pcap}

sh scripts/install-deps.sh
if [ "$(id -u)" = 0 ]; then system=ON; else system=OFF; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTRUST_INSTALL_SYSTEM=$system >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
cmake --install build

echo
echo "CMP messages in $capture:"
tshark -r "$capture" -Y pkixcmp -T fields -E header=y -E separator=/t -E occurrence=f \
    -o 'gui.column.format:"Type","%Cus:entrust.type","Body","%Cus:pkixcmp.body","Status","%Cus:pkixcmp.status"' \
    -e frame.number -e _ws.col.Type -e _ws.col.Body -e _ws.col.Status -e pkixcmp.transaction_id 2>/dev/null
