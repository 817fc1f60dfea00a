#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds the .deb, unpacks it with dpkg -x, and shows that tshark loads the
# plugin from the unpacked tree; checks the package depends on libwireshark.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
cmake -S "$top" -B "$work/build" -DENTRUST_INSTALL_SYSTEM=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$work/build" --target entrust -j"$(nproc)" >/dev/null
(cd "$work/build" && cpack -G DEB >/dev/null)
deb=$(ls "$work"/build/*.deb)
echo "built $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
echo "$depends" | grep -q libwireshark16 || { echo "FAIL: no libwireshark dependency" >&2; exit 1; }
dpkg -x "$deb" "$work/root"
so=$(find "$work/root" -name entrust.so)
echo "$so" | grep -q "/usr/lib/.*/wireshark/plugins/[0-9.]*/epan/entrust.so" || { echo "FAIL: unexpected path $so" >&2; exit 1; }
plugins_dir=$(dirname "$(dirname "$(dirname "$so")")")
chmod -R a+rX "$work/root"
"$here/plugin-loaded.sh" "$plugins_dir"
