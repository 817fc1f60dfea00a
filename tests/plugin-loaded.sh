#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Fails unless tshark loads exactly this build's plugin and its protocols.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
plugin_dir=$(cd "$1" && pwd)
plugins=$("$here/tshark.sh" "$plugin_dir" -G plugins)
echo "$plugins" | grep -q "entrust.so.*$plugin_dir" || { echo "FAIL: entrust.so not loaded from $plugin_dir" >&2; echo "$plugins" >&2; exit 1; }
# with the project's version (Help > About > Plugins shows the same list)
if [ -n "${2:-}" ]; then
    echo "$plugins" | awk -F'\t' -v v="$2" '$1 ~ /^entrust\.so/ && $2 == v { found = 1 } END { exit !found }' \
        || { echo "FAIL: entrust.so does not report version $2" >&2; echo "$plugins" >&2; exit 1; }
fi
protocols=$("$here/tshark.sh" "$plugin_dir" -G protocols)
for p in entrust pkixcmp; do
    echo "$protocols" | cut -f3 | grep -qx "$p" || { echo "FAIL: protocol $p not registered" >&2; exit 1; }
done
echo "ok: entrust.so ${2:+$2 }loaded from $plugin_dir with protocols entrust and pkixcmp"
