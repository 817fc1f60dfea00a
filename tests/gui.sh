#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The GUI check: Wireshark (Qt) under Xvfb shows the plugin's protocol.
#   tests/gui.sh PLUGIN_DIR CAPTURE FRAME TEXT...
# tools/gui-screenshot.sh opens CAPTURE filtered on pkixcmp with FRAME's
# PKIMessage expanded; tesseract then reads the screen, and every TEXT must
# be on it (spaces squeezed): what the details pane and the status bar
# show, not only that a window opened.
# Skips (77) where the GUI packages are not installed (they are large and
# not needed for the rest of the suite): wireshark-qt xvfb xdotool
# imagemagick tesseract-ocr.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
for tool in wireshark Xvfb xdotool import tesseract; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not installed"; exit 77; }
done
plugin_dir=$1 capture=$2 frame=$3
shift 3
out=$(mktemp --suffix=.png)
text=$(mktemp)
trap 'rm -f "$out" "$text"' EXIT
"$top/tools/gui-screenshot.sh" "$plugin_dir" "$capture" "$frame" "$out"
# One thread: the OCR is then the same whatever else runs on the machine.
OMP_THREAD_LIMIT=1 tesseract "$out" - 2>/dev/null | tr -s ' ' > "$text"
missing=0
for want in "$@"; do
    if ! grep -qF -- "$want" "$text"; then
        echo "FAIL: the screen does not show \"$want\""
        missing=1
    fi
done
if [ "$missing" = 1 ]; then
    echo "--- what tesseract read:"
    cat "$text"
    exit 1
fi
echo "ok: the screen shows all $# texts"
