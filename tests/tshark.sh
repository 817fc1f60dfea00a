#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# tshark with this build's plugin and nothing else:
#   tests/tshark.sh PLUGIN_DIR [tshark arguments...]
# PLUGIN_DIR holds <major>.<minor>/epan/entrust.so.  A throwaway HOME keeps
# personal plugins and preferences out; as root, tshark ignores
# WIRESHARK_PLUGIN_DIR, so privileges are dropped to nobody.
# TSHARK_WRAPPER, when set, is a command put in front of tshark, behind the
# privilege drop (e.g. "valgrind --error-exitcode=99").
set -eu
plugin_dir=$(cd "$1" && pwd)
shift
home=$(mktemp -d "${TMPDIR:-/tmp}/entrust-home.XXXXXX")
chmod 755 "$home"
trap 'rm -rf "$home"' EXIT INT TERM
as_nobody=""
[ "$(id -u)" = 0 ] && as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
# shellcheck disable=SC2086 # both are a command and its arguments
$as_nobody env HOME="$home" WIRESHARK_PLUGIN_DIR="$plugin_dir" ${TSHARK_WRAPPER:-} tshark "$@"
