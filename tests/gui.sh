#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The GUI check: Wireshark (Qt) under Xvfb shows the plugin's protocol.
# Skips (77) where the GUI packages are not installed (they are large and
# not needed for the rest of the suite): wireshark-qt xvfb xdotool imagemagick.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
for tool in wireshark Xvfb xdotool import; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not installed"; exit 77; }
done
out=$(mktemp --suffix=.png)
trap 'rm -f "$out"' EXIT
"$top/tools/gui-screenshot.sh" "$1" "$2" "$3" "$out"
