#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs, on Debian 12, whatever the build and the tests need and is missing.
#   scripts/install-deps.sh
# It includes what the GUI check (ctest -R gui) and tools/gui-screenshot.sh
# need: Wireshark's Qt GUI, Xvfb, xdotool, ImageMagick and the tesseract
# OCR engine that reads the screenshot (about 35 s to install).
# ENTRUST_GUI_TESTS=0 leaves them out; that test then reports a
# skip.
set -eu
packages="tshark libwireshark-dev wireshark-dev libpcap-dev libglib2.0-dev cmake gcc make pkg-config openssl util-linux python3 clang libclang-rt-14-dev valgrind time"
if [ "${ENTRUST_GUI_TESTS:-1}" != 0 ]; then
    packages="$packages wireshark-qt xvfb xdotool imagemagick tesseract-ocr"
fi
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; the default answer is fine.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
