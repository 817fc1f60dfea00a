#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tshark with this build's plugin and nothing else:
#   tests/tshark.sh PLUGIN_DIR [tshark arguments...]
# PLUGIN_DIR holds <major>.<minor>/epan/entrust.so.  A throwaway HOME keeps
# personal plugins and preferences out; as root, tshark ignores
# WIRESHARK_PLUGIN_DIR, so privileges are dropped to nobody.
set -eu
plugin_dir=$(cd "$1" && pwd)
shift
home=$(mktemp -d "${TMPDIR:-/tmp}/entrust-home.XXXXXX")
chmod 755 "$home"
trap 'rm -rf "$home"' EXIT INT TERM
if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups \
        env HOME="$home" WIRESHARK_PLUGIN_DIR="$plugin_dir" tshark "$@"
else
    env HOME="$home" WIRESHARK_PLUGIN_DIR="$plugin_dir" tshark "$@"
fi
