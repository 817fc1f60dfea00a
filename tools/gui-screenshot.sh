#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Opens a capture in the real Wireshark GUI (Qt, under Xvfb) with only this
# build's plugin, selects a packet, expands its details and takes a
# screenshot.  Fails when the plugin's protocol does not appear: the display
# filter "pkixcmp" is then invalid and Wireshark shows an error dialog
# instead of packets.
#   tools/gui-screenshot.sh PLUGIN_DIR CAPTURE FRAME OUT.png
# Needs: wireshark-qt xvfb xdotool imagemagick (Debian).
set -eu
plugin_dir=$(cd "$1" && pwd)
capture=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
frame=$3
out=$4
home=$(mktemp -d)
chmod 777 "$home"   # the unprivileged Wireshark writes its profile here
# Qt's runtime folder, which must belong to the user, with mode 700; without
# one Qt warns and makes /tmp/runtime-USER, which would outlive the run.
mkdir -m 700 "$home/runtime"
as_user=""
if [ "$(id -u)" = 0 ]; then
    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    chown 65534:65534 "$home/runtime"
fi

# Xvfb picks a free display and writes its number once it accepts
# clients: no fixed number that another X server may hold, no guessed wait.
Xvfb -displayfd 3 -screen 0 1600x1000x24 3>"$home/display" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; [ -n "${ws:-}" ] && kill $ws 2>/dev/null; rm -rf "$home"' EXIT INT TERM
for _ in $(seq 1 300); do   # up to 30 s on a loaded machine
    [ -s "$home/display" ] && break
    kill -0 $xvfb 2>/dev/null || break
    sleep 0.1
done
[ -s "$home/display" ] || { echo "FAIL: Xvfb did not start" >&2; exit 1; }
display=:$(cat "$home/display")
# Open the expert info and the details pane of the chosen frame.
$as_user env DISPLAY="$display" HOME="$home" XDG_RUNTIME_DIR="$home/runtime" WIRESHARK_PLUGIN_DIR="$plugin_dir" \
    wireshark -r "$capture" -Y pkixcmp -g "$frame" -o gui.layout_content_3:NONE >"$home/log" 2>&1 &
ws=$!
# Wait for the main window.
for _ in $(seq 1 30); do
    if DISPLAY=$display xdotool search --name "$(basename "$capture")" >/dev/null 2>&1; then break; fi
    sleep 1
done
sleep 3
windows=$(DISPLAY=$display xdotool search --onlyvisible --name "Wireshark" 2>/dev/null | wc -l)
main=$(DISPLAY=$display xdotool search --onlyvisible --name "$(basename "$capture")" 2>/dev/null | head -1)
if [ -z "$main" ]; then
    echo "FAIL: Wireshark did not show $capture filtered on pkixcmp (is the plugin loaded?)" >&2; cat "$home/log" >&2; exit 1
fi
# Fill the screen, then in the details pane collapse everything (Ctrl+Left),
# select the last top-level item (End: the PKIMessage) and expand its
# subtrees (Shift+Right).
DISPLAY=$display xdotool windowmove "$main" 0 0 windowsize "$main" 1600 1000 2>/dev/null || true
sleep 2
DISPLAY=$display xdotool mousemove 200 560 click 1 2>/dev/null || true
DISPLAY=$display xdotool key ctrl+Left End shift+Right 2>/dev/null || true
sleep 2
DISPLAY=$display import -window root "$out"
if [ "$windows" -gt 1 ]; then
    echo "FAIL: Wireshark shows a dialog (the filter pkixcmp is unknown: the plugin did not load?)" >&2
    exit 1
fi
echo "ok: screenshot of $(basename "$capture") frame $frame in $out"
